using System.Globalization;
using WgAgent.Lab.Processes;
using WgAgent.Lab.Runs;

namespace WgAgent.Lab.Nspawn;

/// <content>Running commands inside the booted container and reading its journal.</content>
public sealed partial class BootedHost
{
    // The container's own environment for commands run inside, not the test runner's.
    private static readonly string[] InsideEnvironment =
    [
        "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
        "LC_ALL=C.UTF-8", "TERM=dumb", "SYSTEMD_COLORS=0", "SYSTEMD_PAGER=cat",
    ];

    /// <summary>
    /// Runs <paramref name="argv"/> inside the container (all its namespaces, via nsenter into PID 1)
    /// as root with a clean environment, bounded by <paramref name="timeout"/> or the options' default.
    /// A non-zero exit or a timeout (the command is killed) is a result, not an exception.
    /// </summary>
    /// <exception cref="InvalidOperationException">The host is not running.</exception>
    public Task<CommandResult> ExecAsync(
        IReadOnlyList<string> argv, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfZero(argv.Count);
        if (leader is null || !ProcessTools.IsRunning(leader))
        {
            throw new InvalidOperationException($"{MachineName} is not running; cannot run {string.Join(' ', argv)}");
        }

        return CommandRunner.RunAsync(NsenterArguments(argv), timeout ?? options.ExecTimeout, cancellationToken: cancellationToken);
    }

    /// <summary>The journal of the current boot in journalctl's short-precise format, optionally of one unit.</summary>
    public async Task<string> JournalAsync(string? unit = null, CancellationToken cancellationToken = default)
    {
        var result = await ExecAsync(JournalArguments("short-precise", unit), cancellationToken: cancellationToken).ConfigureAwait(false);
        return result.EnsureSuccess().Stdout;
    }

    /// <summary>The journal of the current boot as structured entries, optionally of one unit.</summary>
    public async Task<IReadOnlyList<JournalEntry>> JournalEntriesAsync(string? unit = null, CancellationToken cancellationToken = default)
    {
        var result = await ExecAsync(JournalArguments("json", unit), cancellationToken: cancellationToken).ConfigureAwait(false);
        return result.EnsureSuccess().Stdout
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(JournalEntry.Parse)
            .ToList();
    }

    /// <summary>
    /// Asks systemd inside to power off and waits, bounded, for nspawn to exit; kills the container
    /// and nspawn if it does not. A no-op if not running.
    /// </summary>
    /// <returns>True if the container stopped cleanly within the time.</returns>
    public async Task<bool> PowerOffAsync()
    {
        if (nspawn is null || nspawn.HasExited)
        {
            return true;
        }

        if (leader is not null && ProcessTools.IsRunning(leader))
        {
            // The reply may be lost as the manager goes down; whether it worked shows in nspawn's exit.
            await TryExecAsync(["systemctl", "poweroff", "--no-block"], ProbeTimeout, CancellationToken.None).ConfigureAwait(false);
        }

        using var wait = new CancellationTokenSource(options.PowerOffTimeout);
        try
        {
            await nspawn.WaitForExitAsync(wait.Token).ConfigureAwait(false);
            options.Log?.Invoke(string.Create(CultureInfo.InvariantCulture, $"nspawn lab: {MachineName}: powered off (nspawn exit {nspawn.ExitCode})"));
            return true;
        }
        catch (OperationCanceledException)
        {
            options.Log?.Invoke($"nspawn lab: {MachineName}: no clean power-off in {options.PowerOffTimeout.TotalSeconds} s; killing it\n{dir.ConsoleTail(15)}");
            foreach (var process in new[] { leader, dir.Nspawn }.OfType<ProcessIdentity>())
            {
                ProcessTools.Kill(process);
            }

            if (leader is not null && !await ProcessTools.WaitForExitAsync(leader, TimeSpan.FromSeconds(10)).ConfigureAwait(false))
            {
                throw new BootedHostException($"booted host {MachineName}: container PID 1 ({leader.Pid}) survived SIGKILL");
            }

            return false;
        }
    }

    private static string[] JournalArguments(string format, string? unit) =>
        unit is null
            ? ["journalctl", "--boot", "--no-pager", "--output", format]
            : ["journalctl", "--boot", "--no-pager", "--output", format, "--unit", unit];

    private string[] NsenterArguments(IReadOnlyList<string> argv) =>
        ["nsenter", "--target", leader!.Pid.ToString(CultureInfo.InvariantCulture), "--all", "--",
            "/usr/bin/env", "-i", .. InsideEnvironment, .. argv];

    // For probes whose failure is an answer ("not up yet", "already gone"), never an exception.
    private async Task<CommandResult?> TryExecAsync(IReadOnlyList<string> argv, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (leader is null || !ProcessTools.IsRunning(leader))
        {
            return null;
        }

        var result = await CommandRunner.RunAsync(NsenterArguments(argv), timeout, cancellationToken: cancellationToken).ConfigureAwait(false);
        return result.TimedOut ? null : result;
    }
}
