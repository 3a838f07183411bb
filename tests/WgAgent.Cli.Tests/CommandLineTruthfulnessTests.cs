using System.CommandLine;
using AgentCtl;
using WgAgent;

namespace WgAgent.Cli.Tests;

/// <summary>
/// Both command trees list only commands that exist. (In-process the program name and entry assembly are the test
/// host's, so --version and the usage line are checked on the real processes in <see cref="ProgramProcessTests"/>.)
/// </summary>
public class CommandLineTruthfulnessTests
{
    public static TheoryData<string> Tools => new() { "wgagent", "agentctl" };

    private static RootCommand Build(string tool) => tool switch
    {
        "wgagent" => WgAgentCommandLine.Build(),
        "agentctl" => AgentCtlCommandLine.Build(),
        _ => throw new ArgumentOutOfRangeException(nameof(tool)),
    };

    [Theory]
    [MemberData(nameof(Tools))]
    public void Help_AnyTool_ListsOnlyCommandsThatExist(string tool)
    {
        var root = Build(tool);

        var run = CommandLineRun.Invoke(root, "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Usage:", run.Output, StringComparison.Ordinal);
        var registered = root.Subcommands.Select(c => c.Name).ToList();
        Assert.Equal(registered, CommandLineRun.ListedCommands(run.Output));
    }

    [Theory]
    [MemberData(nameof(Tools))]
    public void Invoke_UnknownCommand_FailsWithAnErrorOnStderr(string tool)
    {
        var run = CommandLineRun.Invoke(Build(tool), "no-such-command");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("no-such-command", run.Error, StringComparison.Ordinal);
    }
}
