using CliWrap.Buffered;
using WgAgent.Lab.Netns;

namespace WgAgent.Firewall.Tests.Support;

/// <summary>
/// Runs the wgagent program as a separate process inside a scratch namespace (<c>ip netns exec NS ...</c>), the way
/// the kill-switch unit runs it: the built assembly through dotnet, or the published single-file binary.
/// </summary>
internal static class WgAgentBinary
{
    /// <summary>The test project references WgAgent, so the built program sits next to the tests.</summary>
    public static string BuiltAssembly => Path.Combine(AppContext.BaseDirectory, "wgagent.dll");

    /// <summary>The dotnet host running these tests.</summary>
    public static string DotnetHost =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host
        : Environment.ProcessPath is { } self && Path.GetFileName(self) == "dotnet" ? self
        : "/usr/bin/dotnet";

    /// <summary>`make publish`'s output, found from the checkout these tests were built from.</summary>
    public static string Published
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Agent.sln")))
                {
                    return Path.Combine(dir.FullName, "out", "publish", "linux-x64", "wgagent");
                }
            }

            throw new InvalidOperationException($"no Agent.sln above {AppContext.BaseDirectory}");
        }
    }

    /// <summary>Runs the built wgagent inside <paramref name="ns"/>.</summary>
    public static Task<BufferedCommandResult> RunAsync(ScratchNamespace ns, params string[] arguments) =>
        ns.ExecBufferedAsync([DotnetHost, BuiltAssembly, .. arguments]);

    /// <summary>Runs <c>killswitch up</c> with the files' config and state directory.</summary>
    public static Task<BufferedCommandResult> UpAsync(ScratchNamespace ns, AgentFiles files, params string[] extra) =>
        RunAsync(ns, ["killswitch", "up", "--config", files.AgentPath, "--state-directory", files.StateDirectory, .. extra]);
}
