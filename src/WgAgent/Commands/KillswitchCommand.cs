using System.CommandLine;

namespace WgAgent.Commands;

/// <summary><c>wgagent killswitch up|down</c>: the nftables table <c>inet wgagent</c>.</summary>
internal static class KillswitchCommand
{
    public static Command Build() =>
        new("killswitch", "Load or remove the kill switch (nftables table inet wgagent).")
        {
            KillswitchUpCommand.Build(),
            KillswitchDownCommand.Build(),
        };
}
