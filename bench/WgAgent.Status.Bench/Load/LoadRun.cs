namespace WgAgent.Status.Bench.Load;

/// <summary>One load run against one server, summarized.</summary>
internal sealed record LoadRun
{
    /// <summary>"daemon" or "baseline".</summary>
    public required string Target { get; init; }

    /// <summary>"saturating" (closed loop) or "paced" (open loop at <see cref="OfferedRate"/>).</summary>
    public required string Mode { get; init; }

    /// <summary>The paced rate in all, requests per second; null when saturating.</summary>
    public double? OfferedRate { get; init; }

    /// <summary>1-based round.</summary>
    public required int Round { get; init; }

    /// <summary>Connections.</summary>
    public required int Connections { get; init; }

    /// <summary>The measured window, seconds.</summary>
    public required double WindowSeconds { get; init; }

    /// <summary>Requests answered 200 within the window.</summary>
    public required int Completed { get; init; }

    /// <summary>Completed per second.</summary>
    public required double RequestsPerSecond { get; init; }

    /// <summary>Their latencies, from the send.</summary>
    public required LatencySummary Latency { get; init; }

    /// <summary>Their latencies from the scheduled time (paced; equal to <see cref="Latency"/> when saturating).</summary>
    public required LatencySummary LatencyFromSchedule { get; init; }

    /// <summary>Share of requests slower than 2 ms (the p99 goal), %.</summary>
    public required double SlowerThanGoalPercent { get; init; }

    /// <summary>Slow requests (over 2 ms) grouped into bursts (completions less than 20 ms apart): how many per second.</summary>
    public required double SlowBurstsPerSecond { get; init; }

    /// <summary>The median of the bursts' slowest request, ms.</summary>
    public required double SlowBurstMedianMaxMs { get; init; }

    /// <summary>Bursts whose slowest request took 10 ms or more (a stall of the server, e.g. waiting for a cache refresh), per second.</summary>
    public required double StallsPerSecond { get; init; }

    /// <summary>Share of all requests that were slow inside such a stall, %.</summary>
    public required double InStallsPercent { get; init; }

    /// <summary>Per 100 ms of the window: completions.</summary>
    public required IReadOnlyList<int> TimelineCount { get; init; }

    /// <summary>Per 100 ms of the window: the slowest request, ms.</summary>
    public required IReadOnlyList<double> TimelineMaxMs { get; init; }

    /// <summary>Transport errors (each followed by a reconnect), non-200 answers, reconnects.</summary>
    public required int Errors { get; init; }

    /// <summary>Answers other than 200.</summary>
    public required int NotOk { get; init; }

    /// <summary>Connections opened again (server closed, or after an error).</summary>
    public required int Reconnects { get; init; }

    /// <summary>The first few error messages.</summary>
    public required IReadOnlyList<string> FirstErrors { get; init; }

    /// <summary>The server's CPU and memory in the window.</summary>
    public required ServerFootprint Server { get; init; }

    /// <summary>The generator's own CPU in the window, % of one CPU.</summary>
    public required double GeneratorCpuPercent { get; init; }

    /// <summary>/proc/loadavg's 1-minute figure at the window's end (the machine is shared; /proc/stat's busy share is
    /// tick-sampled and misses work that starts and ends between ticks, as a paced generator's does).</summary>
    public required double LoadAverage { get; init; }

    /// <summary>Other booted hosts (systemd-nspawn) on the machine at the window's end.</summary>
    public int OtherBootedHosts { get; set; }
}
