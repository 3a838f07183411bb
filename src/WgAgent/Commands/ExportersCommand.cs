using System.CommandLine;

namespace WgAgent.Commands;

/// <summary><c>wgagent exporters bind|check</c>: exporters only on the WireGuard address.</summary>
internal static class ExportersCommand
{
    public static Command Build() =>
        new("exporters", "Bind the configured exporters to the WireGuard address, or check what they listen on.")
        {
            ExportersBindCommand.Build(),
            ExportersCheckCommand.Build(),
        };
}
