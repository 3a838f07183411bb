using System.Diagnostics;

namespace WgAgent.Cli.Tests;

/// <summary>The real entry points, run as processes: what a user's shell sees.</summary>
public class ProgramProcessTests
{
    [Theory]
    [InlineData("wgagent")]
    [InlineData("agentctl")]
    public async Task Main_Version_PrintsVersionAndExitsZero(string tool)
    {
        var (exitCode, stdout, stderr) = await RunAsync(tool, "--version");

        Assert.True(exitCode == 0, $"{tool} --version exited {exitCode}: {stderr}");
        Assert.Equal(RepositoryRoot.Version, stdout.Trim());
    }

    [Theory]
    [InlineData("wgagent")]
    [InlineData("agentctl")]
    public async Task Main_Help_ExitsZeroAndNamesTheTool(string tool)
    {
        var (exitCode, stdout, _) = await RunAsync(tool, "--help");

        Assert.Equal(0, exitCode);
        Assert.Contains(tool, stdout, StringComparison.Ordinal);
        Assert.Contains("--version", stdout, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string tool, params string[] args)
    {
        // The test project references both programs, so their assemblies sit next to this one.
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, tool + ".dll"));
        foreach (var arg in args)
        {
            psi.ArgumentList.Add(arg);
        }

        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {tool}");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
