using WgAgent.Lab.Nspawn;
using WgAgent.Lab.Processes;

namespace WgAgent.System.Tests.DaemonLifecycle;

/// <summary>The node whose tunnel never came up (<see cref="DegradedTunnelFixture"/>), right after its boot, and after the fix.</summary>
public sealed record DegradedBootRecord
{
    /// <summary>The whole journal of the boot.</summary>
    public required IReadOnlyList<JournalEntry> Journal { get; init; }

    /// <summary>wgagent.service's properties.</summary>
    public required IReadOnlyDictionary<string, string> Daemon { get; init; }

    /// <summary>Its STATUS=.</summary>
    public required string StatusText { get; init; }

    /// <summary><c>systemctl is-failed wg-quick@wg0</c>.</summary>
    public required string WgQuickState { get; init; }

    /// <summary><c>ip link show wg0</c>.</summary>
    public required CommandResult Wg0 { get; init; }

    /// <summary><c>ip -o address show</c>: every address the node has.</summary>
    public required string Addresses { get; init; }

    /// <summary>What listens on :9100 (ss).</summary>
    public required IReadOnlyList<string> Listeners { get; init; }

    /// <summary>curl from inside the node to :9100 on loopback (v4, v6) and on its LAN address: nothing should answer.</summary>
    public required IReadOnlyList<CommandResult> LocalScrapes { get; init; }

    /// <summary><c>nft list table inet wgagent</c>.</summary>
    public required CommandResult Table { get; init; }

    /// <summary><c>wgagent killswitch up</c>: compares the kernel's table with the one computed from the files.</summary>
    public required CommandResult KillswitchUp { get; init; }

    /// <summary>After wg0.conf was fixed and wg-quick@wg0 started: STATUS= and whether it turned healthy within the wait.</summary>
    public required (bool Held, string Text) RecoveredStatus { get; init; }

    /// <summary>Why Prometheus did not scrape the node over the tunnel after the fix; null when it did.</summary>
    public required string? RecoveredPrometheusError { get; init; }

    /// <summary>The journal of the recovery.</summary>
    public required IReadOnlyList<JournalEntry> RecoveryJournal { get; init; }
}
