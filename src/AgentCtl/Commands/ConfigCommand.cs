using System.CommandLine;

namespace AgentCtl.Commands;

/// <summary><c>agentctl config</c>: commands about the configuration files.</summary>
internal static class ConfigCommand
{
    public static Command Build() => new("config", "Work with /etc/wgagent.toml.") { ConfigCheckCommand.Build() };
}
