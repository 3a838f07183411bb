using WgAgent.Lab.Nspawn;
using WgAgent.Lab.Processes;
using WgAgent.System.Tests.Daemon;

namespace WgAgent.System.Tests.Package;

/// <summary>The boot after the install (the container powered off and booted again on the same disk).</summary>
public sealed record RebootRecord
{
    /// <summary>How long the clean power-off took.</summary>
    public required TimeSpan PowerOff { get; init; }

    /// <summary>From starting nspawn again until systemd reported the boot finished.</summary>
    public required TimeSpan Boot { get; init; }

    /// <summary>The whole journal of the new boot.</summary>
    public required IReadOnlyList<JournalEntry> Journal { get; init; }

    /// <summary>ActiveState/SubState of the kill switch, wg-quick@wg0 and the daemon.</summary>
    public required IReadOnlyDictionary<string, string> Units { get; init; }

    /// <summary>The daemon's ExecMainStartTimestampMonotonic and ActiveEnterTimestampMonotonic (READY=1), µs.</summary>
    public required IReadOnlyDictionary<string, string> Daemon { get; init; }

    /// <summary><c>systemctl --failed</c>.</summary>
    public required string FailedUnits { get; init; }

    /// <summary><c>systemctl is-system-running</c>.</summary>
    public required string SystemState { get; init; }

    /// <summary>The first <c>agentctl status --json</c> that exited 0, or the last one tried.</summary>
    public required CommandResult StatusJson { get; init; }

    /// <summary><c>agentctl status</c> (the human view) right after it.</summary>
    public required CommandResult Status { get; init; }

    /// <summary>How long until <see cref="StatusJson"/> exited 0 (pings made the handshakes it wants).</summary>
    public required TimeSpan StatusWait { get; init; }

    /// <summary>Why Prometheus did not scrape the node over the tunnel after the reboot; null when it did.</summary>
    public required string? PrometheusError { get; init; }

    /// <summary>How long after the boot it did.</summary>
    public required TimeSpan PrometheusWait { get; init; }

    /// <summary><c>up{job="node"}</c> then.</summary>
    public required double? Up { get; init; }

    /// <summary><c>systemd-analyze security wgagent.service</c>.</summary>
    public required SecurityReport Security { get; init; }
}
