using WgAgent.Lab.Nspawn;
using WgAgent.Lab.Processes;

namespace WgAgent.System.Tests.DaemonLifecycle;

/// <summary>Scenario (f): a good, changed /etc/wgagent.toml (<see cref="DaemonConfigs.WithRestrictedInbound"/>) and <c>systemctl reload wgagent</c>.</summary>
public sealed record GoodReloadRecord
{
    /// <summary><c>nft -s list table inet wgagent</c> before.</summary>
    public required string TableBefore { get; init; }

    /// <summary>The same after.</summary>
    public required string TableAfter { get; init; }

    /// <summary>The reload.</summary>
    public required CommandResult Reload { get; init; }

    /// <summary>The journal from before the reload until its "applied" line.</summary>
    public required IReadOnlyList<JournalEntry> Journal { get; init; }

    /// <summary>STATUS= after it, and whether it was healthy within the wait.</summary>
    public required (bool Held, string Text) Status { get; init; }

    /// <summary>The table as <c>nft list</c> saw it, sample by sample, through the reload (marker: the new set).</summary>
    public required TableTrace Trace { get; init; }

    /// <summary><c>nft monitor tables</c> during the reload.</summary>
    public required IReadOnlyList<(TimeSpan At, string Line)> MonitorEvents { get; init; }

    /// <summary><c>wgagent killswitch up</c> afterwards: lists the kernel's table and compares it with the one computed from the file.</summary>
    public required CommandResult Verify { get; init; }

    /// <summary>Why Prometheus did not scrape the node after the reload within 30 s (inbound now restricted); null when it did.</summary>
    public required string? PrometheusError { get; init; }
}
