using System.Text;
using CliWrap;
using CliWrap.Buffered;
using CliWrap.Exceptions;

namespace WgAgent.CliWrap.Tests;

/// <summary>Real processes: exit codes, buffered output, stdin, environment and working directory.</summary>
public class ExecuteBufferedTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ExecuteBufferedAsync_True_ExitsZeroWithTimes()
    {
        using var timeout = new CancellationTokenSource(Limit);

        var result = await Cli.Wrap("true").ExecuteBufferedAsync(timeout.Token);

        Assert.Equal(0, result.ExitCode);
        Assert.True(result.IsSuccess);
        Assert.Equal("", result.StandardOutput);
        Assert.True(result.ExitTime >= result.StartTime);
        Assert.Equal(result.ExitTime - result.StartTime, result.RunTime);
    }

    [Fact]
    public async Task ExecuteBufferedAsync_FalseWithValidation_ThrowsWithExitCode()
    {
        var command = Cli.Wrap("false");

        var e = await Assert.ThrowsAsync<CommandExecutionException>(async () => await command.ExecuteBufferedAsync());

        Assert.Equal(1, e.ExitCode);
        Assert.Same(command, e.Command);
        Assert.Contains("false exited 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteBufferedAsync_FalseWithoutValidation_ReturnsExitCode()
    {
        var result = await Cli.Wrap("false").WithValidation(CommandResultValidation.None).ExecuteBufferedAsync();

        Assert.Equal(1, result.ExitCode);
        Assert.False(result.IsSuccess);
    }

    [Fact]
    public async Task ExecuteBufferedAsync_FailureWithStderr_MessageCarriesStderr()
    {
        var command = Cli.Wrap("sh").WithArguments(["-c", "echo 'Error: no such table' >&2; exit 3"]);

        var e = await Assert.ThrowsAsync<CommandExecutionException>(async () => await command.ExecuteBufferedAsync());

        Assert.Equal(3, e.ExitCode);
        Assert.EndsWith("exited 3: Error: no such table", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteBufferedAsync_CatWithStringInput_EchoesItExactly()
    {
        var text = "table inet wgagent {\n\tchain output {\n\t}\n}\nünïcödé\n";

        var result = await Cli.Wrap("cat").WithStandardInputPipe(PipeSource.FromString(text)).ExecuteBufferedAsync();

        Assert.Equal(text, result.StandardOutput);
    }

    [Fact]
    public async Task ExecuteBufferedAsync_CatWithBytes_PassesThemThrough()
    {
        var bytes = Encoding.ASCII.GetBytes("abc\0def");

        var result = await Cli.Wrap("od").WithArguments(["-An", "-c"]).WithStandardInputPipe(PipeSource.FromBytes(bytes))
            .ExecuteBufferedAsync();

        Assert.Equal("a   b   c  \\0   d   e   f", result.StandardOutput.Trim());
    }

    [Fact]
    public async Task ExecuteBufferedAsync_LargeInputAndOutput_DoesNotDeadlock()
    {
        // Far beyond a pipe's 64 KiB buffer in both directions at once.
        var text = new string('x', 4 * 1024 * 1024);
        using var timeout = new CancellationTokenSource(Limit);

        var result = await Cli.Wrap("cat").WithStandardInputPipe(PipeSource.FromString(text)).ExecuteBufferedAsync(timeout.Token);

        Assert.Equal(text.Length, result.StandardOutput.Length);
    }

    [Fact]
    public async Task ExecuteBufferedAsync_NoInput_StdinIsClosedNotInherited()
    {
        using var timeout = new CancellationTokenSource(Limit);

        // cat with an inherited terminal or service stdin would block; ours sees end of file at once.
        var result = await Cli.Wrap("cat").ExecuteBufferedAsync(timeout.Token);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.StandardOutput);
    }

    [Fact]
    public async Task ExecuteBufferedAsync_ProgramIgnoresStdin_InputIsDroppedQuietly()
    {
        var result = await Cli.Wrap("true").WithStandardInputPipe(PipeSource.FromString(new string('x', 1024 * 1024)))
            .ExecuteBufferedAsync();

        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public async Task ExecuteBufferedAsync_ArgumentsWithShellCharacters_ReachTheProgramVerbatim()
    {
        string[] arguments = ["a b", "$(touch /nonexistent)", "'quoted'", "*", ";", ""];

        var result = await Cli.Wrap("printf").WithArguments(["%s\\n", .. arguments]).ExecuteBufferedAsync();

        Assert.Equal(string.Join("", arguments.Select(a => a + "\n")), result.StandardOutput);
    }

    [Fact]
    public void WithArguments_NulCharacter_Throws()
    {
        Assert.Throws<ArgumentException>(() => Cli.Wrap("true").WithArguments(["a\0b"]));
    }

    [Fact]
    public async Task ExecuteBufferedAsync_EnvironmentOverrides_SetAndRemoveVariables()
    {
        Environment.SetEnvironmentVariable("WGAGENT_CLIWRAP_TEST_REMOVED", "still here");
        var command = Cli.Wrap("sh").WithArguments(["-c", "echo \"${WGAGENT_CLIWRAP_TEST_SET}|${WGAGENT_CLIWRAP_TEST_REMOVED-unset}\""])
            .WithEnvironmentVariables(new Dictionary<string, string?>
            {
                ["WGAGENT_CLIWRAP_TEST_SET"] = "value with spaces",
                ["WGAGENT_CLIWRAP_TEST_REMOVED"] = null,
            });

        var result = await command.ExecuteBufferedAsync();

        Assert.Equal("value with spaces|unset\n", result.StandardOutput);
    }

    [Fact]
    public async Task ExecuteBufferedAsync_WorkingDirectory_ProgramStartsThere()
    {
        var dir = Directory.CreateTempSubdirectory("wgagent-cliwrap-");
        try
        {
            var result = await Cli.Wrap("pwd").WithWorkingDirectory(dir.FullName).ExecuteBufferedAsync();

            Assert.Equal(dir.FullName, result.StandardOutput.TrimEnd('\n'));
        }
        finally
        {
            dir.Delete();
        }
    }

    [Fact]
    public async Task ExecuteBufferedAsync_StdoutAndStderr_AreSeparated()
    {
        var result = await Cli.Wrap("sh").WithArguments(["-c", "echo out; echo err >&2"]).ExecuteBufferedAsync();

        Assert.Equal("out\n", result.StandardOutput);
        Assert.Equal("err\n", result.StandardError);
    }

    [Fact]
    public void ExecuteBufferedAsync_MissingProgram_ThrowsInvalidOperationNamingIt()
    {
        var e = Assert.Throws<InvalidOperationException>(() => { _ = Cli.Wrap("/nonexistent/wgagent-no-such-program").ExecuteBufferedAsync(); });

        Assert.Contains("/nonexistent/wgagent-no-such-program", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteBufferedAsync_KilledBySignal_ReportsShellStyleExitCode()
    {
        var result = await Cli.Wrap("sh").WithArguments(["-c", "kill -9 $$"]).WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync();

        Assert.Equal(128 + 9, result.ExitCode);
    }
}
