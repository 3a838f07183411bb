using WgAgent.Lab.Nspawn;
using WgAgent.Lab.Processes;

namespace WgAgent.System.Tests.Killswitch;

/// <summary>Runs a systemctl job inside a booted host, riding out one known flaw of this machine's cgroups.</summary>
public static class SystemctlJob
{
    // PID 1 could not move the new process into the unit's cgroup (exit status 219/CGROUP, before anything
    // of the unit ran). Seen in about a third of the full runs here, on `systemctl reload` of the exited
    // kill-switch oneshot, never in 28 reloads of the same unit in a lone container: this machine's cgroup
    // v1 hierarchies (PID 1 of the host is not systemd) answer EIO at times, as the "Failed to kill control
    // group ... Input/output error" lines in the same journals show. Any other failure is returned as is.
    private const string CgroupAttachFailure = "status=219/CGROUP";

    /// <summary>
    /// <c>systemctl VERB UNIT</c>; if it failed with 219/CGROUP and nothing else, once more. The result is the
    /// last attempt's, and <paramref name="log"/> hears about a retry.
    /// </summary>
    public static async Task<CommandResult> RunAsync(BootedHost host, string verb, string unit, Action<string> log)
    {
        var result = await host.ExecAsync(["systemctl", verb, unit]);
        if (result.Succeeded)
        {
            return result;
        }

        var recent = await host.ExecAsync(["journalctl", "--boot", "--no-pager", "--output=cat", "--lines=5", "--unit", unit]);
        if (!recent.Stdout.Contains(CgroupAttachFailure, StringComparison.Ordinal))
        {
            return result;
        }

        log($"systemctl {verb} {unit}: {CgroupAttachFailure} (cgroup attach failed before anything ran); retrying once");
        return await host.ExecAsync(["systemctl", verb, unit]);
    }
}
