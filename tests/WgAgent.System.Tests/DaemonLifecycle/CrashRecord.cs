using WgAgent.Lab.Nspawn;
using WgAgent.Lab.Processes;

namespace WgAgent.System.Tests.DaemonLifecycle;

/// <summary>Scenario (c), first half: <c>kill -9</c> of wgagent's main process, and systemd restarting it.</summary>
public sealed record CrashRecord
{
    /// <summary>wgagent.service's MainPID, NRestarts, ActiveState, SubState before.</summary>
    public required IReadOnlyDictionary<string, string> Before { get; init; }

    /// <summary>The same once it was active again (or when the wait ended).</summary>
    public required IReadOnlyDictionary<string, string> After { get; init; }

    /// <summary>node_exporter's MainPID before and after.</summary>
    public required (string Before, string After) ExporterPid { get; init; }

    /// <summary>The kill.</summary>
    public required CommandResult Kill { get; init; }

    /// <summary>From the kill until systemd showed a new main process active; null if not within the wait.</summary>
    public required TimeSpan? ActiveAgainAfter { get; init; }

    /// <summary>The table as <c>nft list</c> saw it from the kill until the daemon was back.</summary>
    public required TableTrace Trace { get; init; }

    /// <summary><c>nft monitor tables</c> in the same time.</summary>
    public required IReadOnlyList<(TimeSpan At, string Line)> MonitorEvents { get; init; }

    /// <summary>The journal of it.</summary>
    public required IReadOnlyList<JournalEntry> Journal { get; init; }

    /// <summary>STATUS= of the restarted daemon.</summary>
    public required string StatusAfter { get; init; }
}
