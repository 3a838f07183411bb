using WgAgent.Lab.Nspawn;
using WgAgent.Lab.Processes;

namespace WgAgent.Lab.Agent;

/// <summary>
/// The self-contained binaries `make publish` leaves in out/publish/linux-x64: what the package ships and
/// what the system tests install. Never rebuilt here: `make test` publishes before it runs the tests.
/// </summary>
public static class PublishedAgent
{
    private static readonly TimeSpan HelpTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The published folder of this checkout.</summary>
    public static string Directory => Path.Combine(RepoRoot.Find(), "out", "publish", "linux-x64");

    /// <summary>The published wgagent.</summary>
    public static string WgAgent => Path.Combine(Directory, "wgagent");

    /// <summary>The published agentctl.</summary>
    public static string AgentCtl => Path.Combine(Directory, "agentctl");

    /// <summary>
    /// Checks that the published wgagent exists and knows <c>killswitch up</c> (its usage line names the
    /// verb; an older build prints the root usage instead), so a stale publish fails with a hint rather
    /// than as a confusing boot failure.
    /// </summary>
    /// <exception cref="InvalidOperationException">Missing or stale binary; the message says to run make publish.</exception>
    public static async Task EnsureKillswitchVerbAsync()
    {
        if (!File.Exists(WgAgent))
        {
            throw new InvalidOperationException($"{WgAgent} is missing: run `make publish` (make test does) before the system tests");
        }

        // --help only prints; it touches no firewall (never run the verb itself outside a lab namespace).
        var help = await CommandRunner.RunAsync([WgAgent, "killswitch", "up", "--help"], HelpTimeout).ConfigureAwait(false);
        if (!help.Succeeded || !help.Stdout.Contains("wgagent killswitch up", StringComparison.Ordinal))
        {
            throw new InvalidOperationException(
                $"{WgAgent} has no `killswitch up` verb (stale publish?): run `make publish`. Its answer: {help.Describe()}");
        }
    }
}
