using WgAgent.Lab.Probes;
using WgAgent.Lab.Processes;

namespace WgAgent.System.Tests.StatusApi;

/// <summary>Where the metrics port listens and who can reach it.</summary>
public sealed record ExposureRecord
{
    /// <summary>The local endpoints listening on the metrics port inside the node (ss), sorted.</summary>
    public required IReadOnlyList<string> Listeners { get; init; }

    /// <summary>The raw ss output.</summary>
    public required CommandResult Ss { get; init; }

    /// <summary>TCP connects to the metrics port that must not get through: lan and monitor to node's LAN addresses, stranger over the tunnel.</summary>
    public required IReadOnlyList<ProbeResult> Blocked { get; init; }

    /// <summary>The control: monitor (a scraper) to node's tunnel addresses over wg0.</summary>
    public required IReadOnlyList<ProbeResult> Allowed { get; init; }

    /// <summary>Stranger's ping to node over the tunnel before the probes (the handshake is there, so a drop is the table's).</summary>
    public required ProbeResult StrangerPing { get; init; }

    /// <summary>The kill switch's dropped_exporter packets before and after the probes, from /v1/status.</summary>
    public required (ulong Before, ulong After) DroppedExporter { get; init; }
}
