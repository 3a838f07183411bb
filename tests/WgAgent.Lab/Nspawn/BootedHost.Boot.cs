using System.Diagnostics;
using WgAgent.Lab.Runs;

namespace WgAgent.Lab.Nspawn;

/// <content>Booting: start nspawn, find the container's PID 1, wait until systemd says the boot is done.</content>
public sealed partial class BootedHost
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Boots the container and waits, bounded by <see cref="BootedHostOptions.BootTimeout"/>, until
    /// <c>systemctl is-system-running</c> says "running" (or "degraded" if accepted).
    /// </summary>
    /// <exception cref="BootedHostException">nspawn exited, the boot failed or timed out; with console tail and failed units.</exception>
    public async Task BootAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (nspawn is not null)
        {
            throw new InvalidOperationException($"{MachineName} was already booted");
        }

        var clock = Stopwatch.StartNew();
        nspawn = StartNspawn();
        dir.Nspawn = ProcessIdentity.Of(nspawn.Id);
        options.Log?.Invoke($"nspawn lab: {MachineName}: systemd-nspawn PID {nspawn.Id}, console {dir.ConsoleLog}");

        leader = await FindLeaderAsync(clock, cancellationToken).ConfigureAwait(false);
        dir.Leader = leader;

        var state = await WaitForBootAsync(clock, cancellationToken).ConfigureAwait(false);
        BootDuration = clock.Elapsed;
        options.Log?.Invoke($"nspawn lab: {MachineName}: {state} after {BootDuration.Value.TotalSeconds:0.00} s (leader PID {leader.Pid})");
    }

    private Process StartNspawn()
    {
        // Through sh only to point nspawn's stdout/stderr straight at the log file: the console is
        // recorded even if this process stops reading, and nspawn is never blocked on a full pipe.
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("exec \"$@\" >\"$WGLAB_CONSOLE\" 2>&1 </dev/null");
        start.ArgumentList.Add("sh");
        foreach (var arg in NspawnArguments())
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["WGLAB_CONSOLE"] = dir.ConsoleLog;
        // No colour codes from the container's systemd on the console; the log is read by people.
        start.Environment["TERM"] = "dumb";
        start.Environment["SYSTEMD_COLORS"] = "0";
        return Process.Start(start) ?? throw new BootedHostException($"{MachineName}: could not start systemd-nspawn");
    }

    private IEnumerable<string> NspawnArguments()
    {
        // --register=no --keep-unit: there is no host systemd (PID 1 is not systemd here) to register
        // with or to get a scope from. --bind=/dev/net/tun + CAP_NET_ADMIN: wg-quick falls back to
        // wireguard-go, which needs both (ENVIRONMENT.md). --console=read-only: output recorded, no
        // input, whether or not the test runner has a terminal.
        string[] fixedArguments =
        [
            "systemd-nspawn", "--register=no", "--keep-unit", "--quiet", "--console=read-only",
            $"--directory={dir.Root}", "--boot", $"--machine={MachineName}",
            $"--network-namespace-path={options.NetworkNamespacePath}",
            "--bind=/dev/net/tun", "--capability=CAP_NET_ADMIN,CAP_NET_RAW",
        ];
        return fixedArguments.Concat(options.ExtraNspawnArguments);
    }

    private async Task<ProcessIdentity> FindLeaderAsync(Stopwatch clock, CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // nspawn's first child (the "outer child": mounts) clones the container's init as nspawn's
            // child and exits. Only init is PID 1 of a new PID namespace; taking the outer child (seen
            // alone for a moment) left every later probe aimed at a dead PID ("no answer" until the boot
            // timeout) although the container booted.
            if (ProcessTools.ChildrenOf(nspawn!.Id).Where(ProcessTools.IsNamespaceInit).ToList() is [var pid]
                && ProcessIdentity.Of(pid) is { } found)
            {
                return found;
            }

            if (nspawn.HasExited)
            {
                throw Failure($"systemd-nspawn exited {nspawn.ExitCode} before the container started");
            }

            if (clock.Elapsed > options.BootTimeout)
            {
                throw Failure($"no container PID 1 below systemd-nspawn (PID {nspawn.Id}) after {options.BootTimeout.TotalSeconds} s");
            }

            await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<string> WaitForBootAsync(Stopwatch clock, CancellationToken cancellationToken)
    {
        var state = "(not asked yet)";
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (nspawn!.HasExited)
            {
                throw Failure($"systemd-nspawn exited {nspawn.ExitCode} during boot (last state: {state})");
            }

            // Before dbus and PID 1's private socket are up this fails; that just means "not yet".
            var probe = await TryExecAsync(["systemctl", "is-system-running"], ProbeTimeout, cancellationToken).ConfigureAwait(false);
            state = probe?.Stdout.Trim() is { Length: > 0 } text ? text : probe?.Describe() ?? "(no answer)";
            switch (state)
            {
                case "running":
                    return state;
                case "degraded" when options.AcceptDegraded:
                    return state;
                case "degraded" or "maintenance" or "stopping":
                    throw Failure($"boot ended {state}", await FailedUnitsAsync().ConfigureAwait(false));
            }

            if (clock.Elapsed > options.BootTimeout)
            {
                var jobs = await TryExecAsync(["systemctl", "list-jobs", "--no-pager", "--no-legend", "--plain"], ProbeTimeout, CancellationToken.None).ConfigureAwait(false);
                var pending = jobs is null ? "(unavailable)" : string.Join("; ", jobs.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                // The state and the pending jobs on the first line: a CI log often keeps only that line.
                var timedOut = Failure(
                    $"boot not finished after {options.BootTimeout.TotalSeconds} s (state: {state}; pending jobs: {pending})",
                    await FailedUnitsAsync().ConfigureAwait(false));
                timedOut.BootTimedOut = true;
                throw timedOut;
            }

            await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<string> FailedUnitsAsync()
    {
        var failed = await TryExecAsync(["systemctl", "--failed", "--no-legend", "--plain", "--no-pager"], ProbeTimeout, CancellationToken.None).ConfigureAwait(false);
        return failed is null ? "failed units: (systemctl unreachable)" : $"failed units:\n{failed.Stdout.Trim()}";
    }

    private BootedHostException Failure(string what, string? details = null) =>
        new($"booted host {MachineName}: {what}\n{details}{(details is null ? string.Empty : "\n")}"
            + $"console ({dir.ConsoleLog}), last lines:\n{dir.ConsoleTail(40)}");
}
