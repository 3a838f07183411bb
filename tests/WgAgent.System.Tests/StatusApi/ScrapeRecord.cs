using WgAgent.Lab.Prometheus;

namespace WgAgent.System.Tests.StatusApi;

/// <summary>The lab's Prometheus in monitor scraping job wgagent over the tunnel.</summary>
public sealed record ScrapeRecord
{
    /// <summary>Why job wgagent was not up within the wait; null when it was.</summary>
    public required string? WaitError { get; init; }

    /// <summary>How long the wait took.</summary>
    public required TimeSpan Waited { get; init; }

    /// <summary>Every active target then.</summary>
    public required IReadOnlyList<PrometheusTarget> Targets { get; init; }

    /// <summary><c>wgagent_up{job="wgagent"}</c>.</summary>
    public required IReadOnlyList<PrometheusSample> Up { get; init; }

    /// <summary><c>wgagent_killswitch_verified{job="wgagent"}</c>.</summary>
    public required IReadOnlyList<PrometheusSample> KillswitchVerified { get; init; }

    /// <summary><c>wireguard_latest_handshake_seconds{job="wgagent"}</c>.</summary>
    public required IReadOnlyList<PrometheusSample> LatestHandshake { get; init; }

    /// <summary><c>wgagent_exporter_bound{job="wgagent"}</c>.</summary>
    public required IReadOnlyList<PrometheusSample> ExporterBound { get; init; }

    /// <summary><c>wgagent_tunnel_up{job="wgagent"}</c>.</summary>
    public required IReadOnlyList<PrometheusSample> TunnelUp { get; init; }
}
