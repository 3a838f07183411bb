using System.CommandLine;
using System.CommandLine.Help;
using WgAgent.Commands;

namespace WgAgent;

/// <summary>
/// The <c>wgagent</c> command tree. Only commands that exist are registered, so <c>--help</c> tells the truth;
/// each later feature adds its verb here.
/// </summary>
public static class WgAgentCommandLine
{
    /// <summary>Builds the root command; <c>--help</c> and <c>--version</c> come with it.</summary>
    public static RootCommand Build()
    {
        var root = new RootCommand(
            "wgagent: makes this host's WireGuard setup fail closed (nftables kill switch, exporters only over WireGuard).");
        root.Subcommands.Add(RunCommand.Build());
        root.Subcommands.Add(KillswitchCommand.Build());
        root.Subcommands.Add(RenderCommand.Build());
        root.Subcommands.Add(ExportersCommand.Build());
        root.Subcommands.Add(CleanupCommand.Build());
        // Invoking the bare command shows the help instead of doing nothing silently.
        root.SetAction(parseResult => new HelpAction().Invoke(parseResult));
        return root;
    }
}
