using WgAgent.Lab.Nspawn;
using WgAgent.Lab.Processes;

namespace WgAgent.System.Tests.DaemonLifecycle;

/// <summary>
/// The node's first boot, as a package install on a running host would go (<see cref="InstallRun"/>): Debian's stock
/// node_exporter already up on every address, then the wgagent group added and <c>systemctl enable --now
/// wgagent.service</c>, as the package's postinst will. What the daemon wrote is carried into the next boot.
/// </summary>
public sealed record InstallRunRecord
{
    /// <summary>Listeners on :9100 before wgagent.service ran (the stock unit: <c>*:9100</c>).</summary>
    public required IReadOnlyList<string> StockListeners { get; init; }

    /// <summary><c>systemctl enable --now wgagent.service</c> (returns once the daemon sent READY=1).</summary>
    public required CommandResult EnableNow { get; init; }

    /// <summary>Listeners on :9100 after it.</summary>
    public required IReadOnlyList<string> ListenersAfter { get; init; }

    /// <summary>wgagent.service's ActiveState and SubState after it.</summary>
    public required string State { get; init; }

    /// <summary>Its STATUS= then.</summary>
    public required string StatusText { get; init; }

    /// <summary>What the daemon logged during the first boot.</summary>
    public required IReadOnlyList<JournalEntry> DaemonJournal { get; init; }

    /// <summary>The files carried into the next boot by container path, with their modes.</summary>
    public required IReadOnlyDictionary<string, (string Content, UnixFileMode Mode)> Files { get; init; }
}
