namespace WgAgent.Daemon.Bench.Reaction;

/// <summary>One iteration; all times are CLOCK_MONOTONIC nanoseconds (the host's and the container's are the same clock).</summary>
internal sealed record ReactionSample
{
    /// <summary>What was measured.</summary>
    public required string Case { get; init; }

    /// <summary>0-based, warm-up iterations included.</summary>
    public required int Iteration { get; init; }

    /// <summary>Not counted.</summary>
    public required bool Warmup { get; init; }

    /// <summary>Just before `systemctl start wg-quick@wg0` (or `systemctl start wgagent` for the cold start).</summary>
    public required long MarkNs { get; init; }

    /// <summary>The observer's receipt of the netlink message after which wg0 was up with a usable address (t0).</summary>
    public long? TunnelUpNs { get; init; }

    /// <summary>The observer's receipt of the message after which every address of wg0.conf was usable.</summary>
    public long? TunnelCompleteNs { get; init; }

    /// <summary>wgagent.service's ActiveEnterTimestampMonotonic: PID 1 took READY=1 (t1).</summary>
    public long? ReadyUnitNs { get; init; }

    /// <summary>The journal's __MONOTONIC_TIMESTAMP of the daemon's `ready:` line.</summary>
    public long? ReadyJournalNs { get; init; }

    /// <summary>The daemon's own figure from its `ready: ... (X ms after the tunnel event)` line.</summary>
    public double? DaemonReportedMs { get; init; }

    /// <summary>ExecMainStartTimestampMonotonic (the cold start: when the process was forked).</summary>
    public long? ExecStartNs { get; init; }

    /// <summary>wg-quick@wg0.service's InactiveExitTimestampMonotonic: its start job began (the tunnel-event cases).</summary>
    public long? TunnelUnitStartNs { get; init; }

    /// <summary>wg-quick@wg0.service's ActiveEnterTimestampMonotonic: wg-quick finished.</summary>
    public long? TunnelUnitActiveNs { get; init; }

    /// <summary>Wall time of the `systemctl start` that triggered the event.</summary>
    public double TriggerCommandMs { get; init; }

    /// <summary>Whether the daemon restarted an exporter in the window (its `exporters: restarted` line).</summary>
    public bool Rebound { get; init; }

    /// <summary>The address wg0 came up with (IPv4).</summary>
    public string? Address { get; init; }

    /// <summary>What listened on the exporter port after READY.</summary>
    public IReadOnlyList<string> Listeners { get; init; } = [];

    /// <summary>The daemon's STATUS= after READY.</summary>
    public string? Status { get; init; }

    /// <summary>The observer's messages about wg0 from the mark to READY.</summary>
    public IReadOnlyList<string> TunnelMessages { get; init; } = [];

    /// <summary>Journal entries of wgagent and systemd from the tunnel event to READY (rebind case).</summary>
    public IReadOnlyList<TimelineEntry> Timeline { get; init; } = [];

    /// <summary>Other systemd-nspawn processes on the machine right after the iteration (competing for the CPUs).</summary>
    public int OtherBootedHosts { get; init; }

    /// <summary>What was off in this iteration (null when nothing); such samples are reported, not silently dropped.</summary>
    public string? Problem { get; init; }
}
