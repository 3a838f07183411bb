using System.CommandLine;
using System.CommandLine.Help;
using AgentCtl.Commands;

namespace AgentCtl;

/// <summary>
/// The <c>agentctl</c> command tree. Only commands that exist are registered, so <c>--help</c> tells the truth.
/// </summary>
public static class AgentCtlCommandLine
{
    /// <summary>Builds the root command; <c>--help</c> and <c>--version</c> come with it.</summary>
    public static RootCommand Build()
    {
        var root = new RootCommand("agentctl: asks the local wgagent whether this host is protected.")
        {
            StatusCommand.Build(),
            KillswitchCommand.Build(),
            ReloadCommand.Build(),
            ConfigCommand.Build(),
        };
        root.SetAction(parseResult => new HelpAction().Invoke(parseResult));
        return root;
    }
}
