using WgAgent.Lab.Nspawn;

namespace WgAgent.System.Tests.DaemonLifecycle;

/// <summary>The daemon node right after its boot (the one after the install), before any scenario step changed it.</summary>
public sealed record BootRecord
{
    /// <summary>The whole journal of the boot.</summary>
    public required IReadOnlyList<JournalEntry> Journal { get; init; }

    /// <summary>wgagent.service's properties (ActiveState, SubState, NRestarts, MainPID, the monotonic timestamps).</summary>
    public required IReadOnlyDictionary<string, string> Daemon { get; init; }

    /// <summary>Its STATUS= after the boot.</summary>
    public required string StatusText { get; init; }

    /// <summary>node_exporter's properties (NRestarts, ExecStart, MainPID).</summary>
    public required IReadOnlyDictionary<string, string> Exporter { get; init; }

    /// <summary>What listens on :9100 (ss).</summary>
    public required IReadOnlyList<string> Listeners { get; init; }

    /// <summary><c>systemctl --failed</c>.</summary>
    public required string FailedUnits { get; init; }

    /// <summary><c>systemctl is-system-running</c>.</summary>
    public required string SystemState { get; init; }

    /// <summary>Why Prometheus did not report the node up over the tunnel within 30 s; null when it did.</summary>
    public required string? PrometheusError { get; init; }

    /// <summary>How long after the boot Prometheus reported it up.</summary>
    public required TimeSpan PrometheusWait { get; init; }

    /// <summary><c>scrape_samples_scraped{job="node"}</c> then.</summary>
    public required double? ScrapedSamples { get; init; }
}
