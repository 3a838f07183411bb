namespace WgAgent.Daemon.Bench.Idle;

/// <summary>Idle RSS and CPU of wgagent and node_exporter in the same host.</summary>
internal sealed record IdleResult
{
    /// <summary>sysconf(_SC_CLK_TCK) inside the host.</summary>
    public required int ClockTicksPerSecond { get; init; }

    /// <summary>wgagent's MainPID (inside the host).</summary>
    public required int AgentPid { get; init; }

    /// <summary>node_exporter's MainPID.</summary>
    public required int ExporterPid { get; init; }

    /// <summary>Seconds since wgagent's READY at the first memory reading.</summary>
    public required double AgentUpSeconds { get; init; }

    /// <summary>Seconds since node_exporter's start at the first memory reading.</summary>
    public required double ExporterUpSeconds { get; init; }

    /// <summary>Memory before the CPU windows, then after them.</summary>
    public required MemorySample[] AgentMemory { get; init; }

    /// <summary>Same for node_exporter.</summary>
    public required MemorySample[] ExporterMemory { get; init; }

    /// <summary>The CPU windows, back to back.</summary>
    public required IReadOnlyList<IdleWindow> Windows { get; init; }

    /// <summary>Prometheus's scrapes of node_exporter during the windows (count_over_time of up).</summary>
    public required double Scrapes { get; init; }

    /// <summary>How many of them succeeded (sum_over_time of up).</summary>
    public required double ScrapesUp { get; init; }

    /// <summary>The scrape interval.</summary>
    public required double ScrapeIntervalSeconds { get; init; }
}
