using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using WgAgent.Daemon.Bench.Interop;
using WgAgent.Daemon.Bench.Node;
using WgAgent.Lab.Addressing;
using WgAgent.Lab.Nspawn;
using WgAgent.Lab.WireGuard;

namespace WgAgent.Daemon.Bench.Reaction;

/// <summary>
/// Runs the reaction iterations in the booted host: wgagent waiting for wg0, then `systemctl start wg-quick@wg0`; t0 is
/// the observer's receipt of the netlink message that made wg0 up with an address, t1 PID 1's receipt of READY=1
/// (ActiveEnterTimestampMonotonic). Every wait is bounded; an iteration that goes wrong is recorded with its problem.
/// </summary>
internal sealed partial class ReactionBench
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan JournalLimit = TimeSpan.FromSeconds(10);
    private const int MaxAttempts = 4;
    private static readonly string[] UnitProperties =
        ["ActiveState", "SubState", "StatusText", "MainPID", "ActiveEnterTimestampMonotonic", "ExecMainStartTimestampMonotonic"];

    private readonly NodeShell node;
    private readonly TunnelObserver observer;
    private readonly BenchSettings settings;
    private readonly Action<string> log;
    private readonly TunnelConfig[] variants;
    private int addressIndex;

    /// <summary>Creates the runner; <paramref name="tunnel"/> is the lab's wg0 (variant 0), variant 1 has host .5 instead of .2.</summary>
    public ReactionBench(NodeShell node, TunnelObserver observer, TunnelConfig tunnel, BenchSettings settings, Action<string> log)
    {
        this.node = node;
        this.observer = observer;
        this.settings = settings;
        this.log = log;
        // A second address inside the lab's tunnel prefixes. The monitor's AllowedIPs do not cover it, so no scrape gets
        // through while wg0 has it; the local rebind — the exporter listening on the new address — is what is measured.
        var other = tunnel with
        {
            Addresses =
            [
                (IPAddress.Parse("10.77.0.5"), LabAddresses.TunnelV4.PrefixLength),
                (IPAddress.Parse("fd77::5"), LabAddresses.TunnelV6.PrefixLength),
            ],
        };
        variants = [tunnel, other];
    }

    /// <summary>Runs <paramref name="warmup"/> + <paramref name="iterations"/> of <paramref name="kind"/>.</summary>
    public async Task<IReadOnlyList<ReactionSample>> RunAsync(ReactionCase kind, int warmup, int iterations, CancellationToken cancellationToken)
    {
        var samples = new List<ReactionSample>();
        for (var i = 0; i < warmup + iterations; i++)
        {
            var sample = await WithRetriesAsync(
                () => kind == ReactionCase.ColdStart
                    ? ColdStartAsync(i, i < warmup, cancellationToken)
                    : TunnelEventAsync(kind, i, i < warmup, cancellationToken),
                cancellationToken);
            sample = sample with { OtherBootedHosts = OtherHosts.NspawnPids(node.Host.LeaderPid).Count };
            samples.Add(sample);
            log(Describe(sample));
        }

        if (addressIndex != 0)
        {
            // Leave the host as the lab set it up (the monitor's peer allows only the lab's address).
            var restore = await TunnelEventAsync(ReactionCase.Rebind, -1, true, cancellationToken);
            log($"restored the lab's address: {Describe(restore)}");
        }

        return samples;
    }

    /// <summary>Iterations repeated because systemd in the container could not place a unit's process in its cgroup.</summary>
    public List<string> EnvironmentRetries { get; } = [];

    // On this machine every booted host gets the same cgroup root (/payload, see OtherHosts), so another booted host's
    // systemd (a concurrent system-test run) can remove a cgroup ours is starting a unit in: "Failed to attach to cgroup
    // ...: No such file or directory", status=219/CGROUP. That is the lab, not wgagent; such an iteration is run again
    // (bounded) and counted in the results.
    private async Task<ReactionSample> WithRetriesAsync(Func<Task<ReactionSample>> iteration, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var cursor = await node.CursorAsync(cancellationToken);
            try
            {
                return await iteration();
            }
            catch (Exception e) when (e is InvalidOperationException or TimeoutException or WgAgent.Lab.LabException && attempt < MaxAttempts)
            {
                var cgroup = (await node.JournalAfterAsync(cursor, cancellationToken))
                    .FirstOrDefault(j => j.Message.Contains("Failed to attach to cgroup", StringComparison.Ordinal)
                        || j.Message.Contains("status=219/CGROUP", StringComparison.Ordinal));
                if (cgroup is null)
                {
                    throw;
                }

                var what = $"{cgroup.Get("SYSLOG_IDENTIFIER")}: {cgroup.Message}";
                EnvironmentRetries.Add(what);
                log($"retrying the iteration (lab systemd, attempt {attempt}): {what}");
                await node.TryAsync(["systemctl", "reset-failed"], cancellationToken);
            }
        }
    }

    private async Task<ReactionSample> TunnelEventAsync(ReactionCase kind, int iteration, bool warmup, CancellationToken cancellationToken)
    {
        // The start rate limit (StartLimitBurst=5 in 10 s) counts manual starts too; reset-failed resets it.
        await node.TryAsync(["systemctl", "reset-failed", NodeInstaller.DaemonUnit, NodeInstaller.TunnelUnit], cancellationToken);
        await node.RunAsync(["systemctl", "stop", NodeInstaller.DaemonUnit, NodeInstaller.TunnelUnit], cancellationToken);
        await NodeShell.PollAsync("wg0 removed", async () =>
        {
            var link = await node.TryAsync(["ip", "link", "show", TunnelConfig.InterfaceName], cancellationToken);
            return (link.Succeeded ? null : "gone", link.Stdout.Trim());
        }, PollInterval, WaitLimit, cancellationToken);

        // Only wgagent: its Wants=/After= wg-quick@wg0 would otherwise start the tunnel first.
        await node.RunAsync(["systemctl", "start", "--no-block", "--job-mode=ignore-dependencies", NodeInstaller.DaemonUnit], cancellationToken);
        await NodeShell.PollAsync("wgagent waiting for wg0", async () =>
        {
            var show = await node.ShowAsync(NodeInstaller.DaemonUnit, UnitProperties, cancellationToken);
            var status = show.GetValueOrDefault("StatusText", "");
            var state = show.GetValueOrDefault("ActiveState", "");
            if (state is "failed" or "inactive" && status.Length == 0)
            {
                throw new InvalidOperationException($"wgagent.service is {state} instead of waiting for wg0");
            }

            return (status.Contains("waiting for", StringComparison.Ordinal) ? status : null, $"{state}: {status}");
        }, PollInterval, WaitLimit, cancellationToken);
        await Task.Delay(settings.Settle, cancellationToken);

        var next = kind == ReactionCase.Rebind ? 1 - addressIndex : addressIndex;
        if (next != addressIndex)
        {
            await NodeInstaller.WriteTunnelConfigAsync(node.Host, variants[next]);
        }

        var cursor = await node.CursorAsync(cancellationToken);
        var mark = Libc.MonotonicNanoseconds();
        var clock = Stopwatch.StartNew();
        await node.RunAsync(["systemctl", "start", NodeInstaller.TunnelUnit], cancellationToken);
        var triggerMs = clock.Elapsed.TotalMilliseconds;
        addressIndex = next;
        var show = await WaitActiveAsync(cancellationToken);
        var readyUnit = NodeShell.MonotonicNanoseconds(show, "ActiveEnterTimestampMonotonic");
        var wgQuick = await node.ShowAsync(NodeInstaller.TunnelUnit, ["InactiveExitTimestampMonotonic", "ActiveEnterTimestampMonotonic"], cancellationToken);

        var expected = variants[next].Addresses.Select(a => $"{a.Address}/{a.PrefixLength}").Order(StringComparer.Ordinal).ToList();
        var observed = observer.Since(mark).Where(o => readyUnit is null || o.AtNanoseconds <= readyUnit + 1_000_000).ToList();
        var up = observed.FirstOrDefault(o => o.Up);
        var complete = observed.FirstOrDefault(o => o.Up && expected.All(o.UsableAddresses.Contains));
        var journal = await ReadyJournalAsync(cursor, cancellationToken);
        var listeners = await ListenersAsync(cancellationToken);
        var address = variants[next].Addresses[0].Address.ToString();
        var sample = new ReactionSample
        {
            Case = kind.ToString(),
            Iteration = iteration,
            Warmup = warmup,
            MarkNs = mark,
            TunnelUpNs = up?.AtNanoseconds,
            TunnelCompleteNs = complete?.AtNanoseconds,
            ReadyUnitNs = readyUnit,
            ReadyJournalNs = journal.ReadyNs,
            DaemonReportedMs = journal.ReportedMs,
            TunnelUnitStartNs = NodeShell.MonotonicNanoseconds(wgQuick, "InactiveExitTimestampMonotonic"),
            TunnelUnitActiveNs = NodeShell.MonotonicNanoseconds(wgQuick, "ActiveEnterTimestampMonotonic"),
            TriggerCommandMs = triggerMs,
            Rebound = journal.Rebound,
            Address = address,
            Listeners = listeners,
            Status = show.GetValueOrDefault("StatusText"),
            TunnelMessages = [.. observed.Select(o => string.Create(CultureInfo.InvariantCulture, $"+{(o.AtNanoseconds - mark) / 1e6:0.000} ms {o.What}{(o.Up ? " [up]" : "")}"))],
            Timeline = up is null ? [] : Timeline(journal.Entries, up.AtNanoseconds, readyUnit),
        };
        return sample with { Problem = ProblemOf(sample, kind, expected) };
    }

    private async Task<ReactionSample> ColdStartAsync(int iteration, bool warmup, CancellationToken cancellationToken)
    {
        await node.TryAsync(["systemctl", "reset-failed", NodeInstaller.DaemonUnit, NodeInstaller.TunnelUnit], cancellationToken);
        await node.RunAsync(["systemctl", "stop", NodeInstaller.DaemonUnit], cancellationToken);
        await node.RunAsync(["systemctl", "start", NodeInstaller.TunnelUnit], cancellationToken);
        var cursor = await node.CursorAsync(cancellationToken);
        var mark = Libc.MonotonicNanoseconds();
        var clock = Stopwatch.StartNew();
        // Type=notify: returns once READY=1 arrived (or the start failed).
        await node.RunAsync(["systemctl", "start", NodeInstaller.DaemonUnit], cancellationToken);
        var triggerMs = clock.Elapsed.TotalMilliseconds;
        var show = await WaitActiveAsync(cancellationToken);
        var journal = await ReadyJournalAsync(cursor, cancellationToken);
        var sample = new ReactionSample
        {
            Case = nameof(ReactionCase.ColdStart),
            Iteration = iteration,
            Warmup = warmup,
            MarkNs = mark,
            ExecStartNs = NodeShell.MonotonicNanoseconds(show, "ExecMainStartTimestampMonotonic"),
            ReadyUnitNs = NodeShell.MonotonicNanoseconds(show, "ActiveEnterTimestampMonotonic"),
            ReadyJournalNs = journal.ReadyNs,
            TriggerCommandMs = triggerMs,
            Rebound = journal.Rebound,
            Address = variants[addressIndex].Addresses[0].Address.ToString(),
            Status = show.GetValueOrDefault("StatusText"),
        };
        var problem = sample.ReadyUnitNs is null || sample.ExecStartNs is null ? "no ActiveEnter/ExecMainStart timestamp"
            : sample.ReadyUnitNs < mark ? "READY before the start (stale timestamp)"
            : sample.Rebound ? "the exporter was rebound at start"
            : null;
        return sample with { Problem = problem };
    }

    private async Task<IReadOnlyDictionary<string, string>> WaitActiveAsync(CancellationToken cancellationToken) =>
        await NodeShell.PollAsync("wgagent.service active (READY=1)", async () =>
        {
            var show = await node.ShowAsync(NodeInstaller.DaemonUnit, UnitProperties, cancellationToken);
            var state = show.GetValueOrDefault("ActiveState", "");
            if (state is "failed" or "inactive")
            {
                var journal = await node.TryAsync(["journalctl", "--boot", "--no-pager", "--lines=40", "--unit", NodeInstaller.DaemonUnit], cancellationToken);
                throw new InvalidOperationException($"wgagent.service went {state} instead of READY:\n{journal.Stdout}");
            }

            return (state == "active" ? show : null, $"{state}/{show.GetValueOrDefault("SubState")}: {show.GetValueOrDefault("StatusText")}");
        }, PollInterval, WaitLimit, cancellationToken);

    private async Task<(long? ReadyNs, double? ReportedMs, bool Rebound, IReadOnlyList<JournalEntry> Entries)> ReadyJournalAsync(
        string cursor, CancellationToken cancellationToken)
    {
        // journald may lag behind READY=1 a little: poll until the daemon's ready line is in.
        IReadOnlyList<JournalEntry> entries = [];
        JournalEntry? ready = null;
        var deadline = DateTime.UtcNow + JournalLimit;
        while (ready is null && DateTime.UtcNow < deadline)
        {
            entries = await node.JournalAfterAsync(cursor, cancellationToken);
            ready = entries.FirstOrDefault(e => IsDaemon(e) && e.Message.StartsWith("ready:", StringComparison.Ordinal));
            if (ready is null)
            {
                await Task.Delay(PollInterval * 5, cancellationToken);
            }
        }

        double? reported = ready is not null && ReactionMs().Match(ready.Message) is { Success: true } m
            ? double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)
            : null;
        var rebound = entries.Any(e => IsDaemon(e) && e.Message.StartsWith("exporters: restarted", StringComparison.Ordinal));
        return (ready is null ? null : MonotonicOf(ready), reported, rebound, entries);
    }

    private async Task<IReadOnlyList<string>> ListenersAsync(CancellationToken cancellationToken)
    {
        var ss = await node.RunAsync(["ss", "-H", "-l", "-t", "-n", $"sport = :{LabPorts.NodeExporter}"], cancellationToken);
        return [.. ss.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[3])
            .Order(StringComparer.Ordinal)];
    }

    private static IReadOnlyList<TimelineEntry> Timeline(IReadOnlyList<JournalEntry> entries, long from, long? to) =>
    [
        .. entries
            .Select(e => (Entry: e, At: MonotonicOf(e)))
            .Where(x => x.At is { } at && at >= from - 5_000_000 && (to is null || at <= to + 5_000_000))
            .Select(x => new TimelineEntry((x.At!.Value - from) / 1e6, x.Entry.Get("SYSLOG_IDENTIFIER") ?? x.Entry.Get("_COMM") ?? "?", x.Entry.Message)),
    ];

    private static string? ProblemOf(ReactionSample sample, ReactionCase kind, IReadOnlyList<string> expected)
    {
        var problems = new List<string>();
        if (sample.TunnelUpNs is null)
        {
            problems.Add("the observer saw no wg0 up event before READY");
        }

        if (sample.ReadyUnitNs is null || sample.ReadyUnitNs < sample.MarkNs)
        {
            problems.Add("no ActiveEnterTimestampMonotonic after the mark");
        }

        if (sample.TunnelUpNs is { } t0 && sample.ReadyUnitNs is { } t1 && t1 < t0)
        {
            problems.Add("READY before wg0 was up");
        }

        if (sample.Rebound != (kind == ReactionCase.Rebind))
        {
            problems.Add(sample.Rebound ? "the exporter was rebound" : "the exporter was not rebound");
        }

        var wanted = expected.Select(a => a.Split('/')[0]).Select(a => a.Contains(':', StringComparison.Ordinal) ? $"[{a}]:{LabPorts.NodeExporter}" : $"{a}:{LabPorts.NodeExporter}")
            .Order(StringComparer.Ordinal);
        if (!sample.Listeners.SequenceEqual(wanted))
        {
            problems.Add($"listeners {string.Join(' ', sample.Listeners)}");
        }

        return problems.Count == 0 ? null : string.Join("; ", problems);
    }

    private static bool IsDaemon(JournalEntry entry) =>
        entry.Get("SYSLOG_IDENTIFIER") == "wgagent" || entry.SystemdUnit == NodeInstaller.DaemonUnit;

    private static long? MonotonicOf(JournalEntry entry) =>
        long.TryParse(entry.Get("__MONOTONIC_TIMESTAMP"), NumberStyles.None, CultureInfo.InvariantCulture, out var micros) ? micros * 1000 : null;

    private static string Describe(ReactionSample s)
    {
        static string Ms(long? from, long? to) => from is { } a && to is { } b ? ((b - a) / 1e6).ToString("0.0", CultureInfo.InvariantCulture) + " ms" : "?";
        var head = $"{s.Case} #{s.Iteration}{(s.Warmup ? " (warm-up)" : "")}: ";
        var body = s.Case == nameof(ReactionCase.ColdStart)
            ? $"exec → READY {Ms(s.ExecStartNs, s.ReadyUnitNs)}, `systemctl start` → READY {Ms(s.MarkNs, s.ReadyUnitNs)}"
            : $"wg0 up → READY {Ms(s.TunnelUpNs, s.ReadyUnitNs)} (daemon: {s.DaemonReportedMs?.ToString("0.0", CultureInfo.InvariantCulture) ?? "?"} ms), "
              + $"{s.Address}{(s.Rebound ? ", rebound" : "")}";
        return head + body + (s.Problem is null ? "" : $" — PROBLEM: {s.Problem}");
    }

    [GeneratedRegex(@"\(([0-9]+(?:\.[0-9]+)?) ms after the tunnel event\)")]
    private static partial Regex ReactionMs();
}
