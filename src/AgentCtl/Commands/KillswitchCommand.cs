using System.CommandLine;

namespace AgentCtl.Commands;

/// <summary><c>agentctl killswitch …</c>.</summary>
internal static class KillswitchCommand
{
    public static Command Build() => new("killswitch", "The kill switch's table as the daemon sees it.")
    {
        KillswitchShowCommand.Build(),
    };
}
