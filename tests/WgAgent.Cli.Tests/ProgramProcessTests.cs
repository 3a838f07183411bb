namespace WgAgent.Cli.Tests;

/// <summary>The real entry points, run as processes: what a user's shell sees.</summary>
public class ProgramProcessTests
{
    [Theory]
    [InlineData("wgagent")]
    [InlineData("agentctl")]
    public async Task Main_Version_PrintsVersionAndExitsZero(string tool)
    {
        var (exitCode, stdout, stderr) = await ToolProcess.RunAsync(tool, "--version");

        Assert.True(exitCode == 0, $"{tool} --version exited {exitCode}: {stderr}");
        Assert.Equal(RepositoryRoot.Version, stdout.Trim());
    }

    [Theory]
    [InlineData("wgagent")]
    [InlineData("agentctl")]
    public async Task Main_Help_ExitsZeroAndNamesTheTool(string tool)
    {
        var (exitCode, stdout, _) = await ToolProcess.RunAsync(tool, "--help");

        Assert.Equal(0, exitCode);
        Assert.Contains(tool, stdout, StringComparison.Ordinal);
        Assert.Contains("--version", stdout, StringComparison.Ordinal);
    }
}
