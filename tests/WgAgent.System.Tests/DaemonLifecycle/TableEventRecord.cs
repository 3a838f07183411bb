using WgAgent.Lab.Nspawn;
using WgAgent.Lab.Processes;

namespace WgAgent.System.Tests.DaemonLifecycle;

/// <summary>
/// Scenario (c), second half: something removes or changes table inet wgagent behind the daemon's back
/// (<c>systemctl restart nftables</c>, <c>nft delete table</c>, an inserted rule), watched by
/// <see cref="SamplerScripts.Table"/> inside the node and <c>nft monitor tables</c> beside it.
/// </summary>
public sealed record TableEventRecord
{
    /// <summary>What was done.</summary>
    public required CommandResult Action { get; init; }

    /// <summary>The table, sample by sample.</summary>
    public required TableTrace Trace { get; init; }

    /// <summary><c>nft monitor tables</c>, stamped on arrival.</summary>
    public required IReadOnlyList<(TimeSpan At, string Line)> MonitorEvents { get; init; }

    /// <summary>Each stretch the monitor saw the table deleted until added again.</summary>
    public required IReadOnlyList<TimeSpan> MonitorAbsences { get; init; }

    /// <summary><c>nft monitor</c> of every object (rules too), stamped on arrival.</summary>
    public required IReadOnlyList<(TimeSpan At, string Line)> RuleEvents { get; init; }

    /// <summary>For a marked rule: from its "add rule" to the table's next "add table" (the repair), per <see cref="NftRuleMonitor"/>.</summary>
    public required TimeSpan? MarkerRemovedAfter { get; init; }

    /// <summary>The journal of it.</summary>
    public required IReadOnlyList<JournalEntry> Journal { get; init; }

    /// <summary>
    /// From the action's return to the first <c>nft list</c> (polled through nsenter, ~20–50 ms each) that showed the
    /// table whole again: an upper bound of how long it stayed missing or altered after the action; null if never.
    /// </summary>
    public required TimeSpan? RestoredAfter { get; init; }

    /// <summary>
    /// <c>wgagent killswitch up</c>, run by the fixture only when the table was not put back within its wait, so that the
    /// node is protected again for what follows; null when it was not needed.
    /// </summary>
    public required CommandResult? RestoredByTest { get; init; }
}
