using WgAgent.Lab.Processes;

namespace WgAgent.System.Tests.StatusApi;

/// <summary><c>agentctl status</c> as the node goes degraded (exporter stopped) and unreachable (daemon stopped), and back.</summary>
public sealed record ExitCodeRecord
{
    /// <summary>Before anything was stopped.</summary>
    public required CommandResult Healthy { get; init; }

    /// <summary><c>systemctl stop prometheus-node-exporter</c>.</summary>
    public required CommandResult ExporterStop { get; init; }

    /// <summary>The first <c>agentctl status</c> that did not exit 0 after it (or the last one tried).</summary>
    public required CommandResult Degraded { get; init; }

    /// <summary>Its <c>--json</c> twin, right after.</summary>
    public required CommandResult DegradedJson { get; init; }

    /// <summary>From the stop to <see cref="Degraded"/>.</summary>
    public required TimeSpan DegradedAfter { get; init; }

    /// <summary><c>systemctl start prometheus-node-exporter</c>.</summary>
    public required CommandResult ExporterStart { get; init; }

    /// <summary>The first exit 0 after it (or the last tried).</summary>
    public required CommandResult Recovered { get; init; }

    /// <summary>From the start to <see cref="Recovered"/>.</summary>
    public required TimeSpan RecoveredAfter { get; init; }

    /// <summary><c>systemctl stop wgagent</c>.</summary>
    public required CommandResult DaemonStop { get; init; }

    /// <summary><c>agentctl status</c> with the daemon stopped.</summary>
    public required CommandResult Unreachable { get; init; }

    /// <summary><c>nft list tables</c> with the daemon stopped (the kill switch stays).</summary>
    public required CommandResult TablesWhileStopped { get; init; }

    /// <summary><c>systemctl start wgagent</c>.</summary>
    public required CommandResult DaemonStart { get; init; }

    /// <summary>The first exit 0 after it (or the last tried).</summary>
    public required CommandResult BackAgain { get; init; }

    /// <summary>From the start to <see cref="BackAgain"/>.</summary>
    public required TimeSpan BackAfter { get; init; }
}
