using WgAgent.Lab.Nspawn;
using WgAgent.Lab.Processes;

namespace WgAgent.System.Tests.DaemonLifecycle;

/// <summary>
/// Scenario (e): a type error written into /etc/wgagent.toml, <c>systemctl reload wgagent</c>, then the config put back
/// and reloaded again.
/// </summary>
public sealed record BrokenReloadRecord
{
    /// <summary>Where the error is (1-based line and column of the bad value).</summary>
    public required (int Line, int Column) ErrorAt { get; init; }

    /// <summary><c>nft -s -a list table inet wgagent</c> before (handles included: a re-applied table gets new ones).</summary>
    public required string TableBefore { get; init; }

    /// <summary>The same after the broken reload.</summary>
    public required string TableAfter { get; init; }

    /// <summary><c>systemctl reload wgagent</c> with the broken config.</summary>
    public required CommandResult Reload { get; init; }

    /// <summary>STATUS= after it, and whether it came to say the config is broken within the wait.</summary>
    public required (bool Held, string Text) Status { get; init; }

    /// <summary>wgagent.service's MainPID, NRestarts and ActiveState before.</summary>
    public required IReadOnlyDictionary<string, string> DaemonBefore { get; init; }

    /// <summary>The same after.</summary>
    public required IReadOnlyDictionary<string, string> DaemonAfter { get; init; }

    /// <summary>The journal from before the broken reload until its STATUS= changed.</summary>
    public required IReadOnlyList<JournalEntry> Journal { get; init; }

    /// <summary><c>agentctl config check /etc/wgagent.toml</c> on the broken file.</summary>
    public required CommandResult ConfigCheck { get; init; }

    /// <summary><c>nft monitor tables</c> during the broken reload.</summary>
    public required IReadOnlyList<(TimeSpan At, string Line)> MonitorEvents { get; init; }

    /// <summary>The reload after the config was put back.</summary>
    public required CommandResult FixReload { get; init; }

    /// <summary>STATUS= after it, and whether it became healthy within the wait.</summary>
    public required (bool Held, string Text) FixStatus { get; init; }

    /// <summary>The journal of the fixing reload.</summary>
    public required IReadOnlyList<JournalEntry> FixJournal { get; init; }
}
