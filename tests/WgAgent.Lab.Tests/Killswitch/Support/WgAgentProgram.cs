using WgAgent.Lab.Hosts;
using WgAgent.Lab.Nftables;
using WgAgent.Lab.Processes;
using Xunit.Abstractions;

namespace WgAgent.Lab.Tests.Killswitch.Support;

/// <summary>
/// The real <c>wgagent</c> (the project reference puts wgagent.dll next to these tests), run inside a lab host the
/// way wgagent-killswitch.service runs it: as root, with systemd's STATE_DIRECTORY set.
/// </summary>
internal static class WgAgentProgram
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public static string Assembly => Path.Combine(AppContext.BaseDirectory, "wgagent.dll");

    /// <summary>The dotnet host running these tests (dotnet test exports it), else the usual one.</summary>
    public static string DotnetHost =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "/usr/bin/dotnet";

    /// <summary>Runs <c>wgagent ARGS</c> in the host and prints its output; it changes nftables, so only in a lab host.</summary>
    public static async Task<CommandResult> RunAsync(LabHost host, AgentFiles files, ITestOutputHelper output, params string[] arguments)
    {
        Assert.True(File.Exists(Assembly), $"{Assembly} is missing: build tests/WgAgent.Lab.Tests (it references src/WgAgent)");
        NftHostExtensions.EnsureNotOurNamespace(host);
        var result = await host.RunAsync(
            ["env", $"STATE_DIRECTORY={files.StateDirectory}", DotnetHost, Assembly, .. arguments], Timeout);
        output.WriteLine($"wgagent {string.Join(' ', arguments)}: exit {result.ExitCode} after {result.Elapsed.TotalMilliseconds:0} ms");
        foreach (var line in (result.Stdout + result.Stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            output.WriteLine($"  | {line}");
        }

        Assert.False(result.TimedOut, result.Describe());
        return result;
    }

    public static Task<CommandResult> UpAsync(LabHost host, AgentFiles files, ITestOutputHelper output) =>
        RunAsync(host, files, output, "killswitch", "up", "--config", files.ConfigPath);

    public static Task<CommandResult> DownAsync(LabHost host, AgentFiles files, ITestOutputHelper output) =>
        RunAsync(host, files, output, "killswitch", "down");
}
