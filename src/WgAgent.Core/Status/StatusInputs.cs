using WgAgent.Core.Diagnostics;
using WgAgent.Core.Exporters;
using WgAgent.Core.Firewall;
using WgAgent.Core.Tunnel;
using WgAgent.Core.WireGuard;

namespace WgAgent.Core.Status;

/// <summary>
/// Everything <see cref="StatusComposer"/> needs, read by the daemon from the kernel and the system just before it
/// answers (the table as listed, <c>wg show dump</c>, the listening sockets, unit states) plus what it remembers
/// (the table it applied, the config it loaded). Pure data: the clock is <see cref="Now"/>.
/// </summary>
public sealed record StatusInputs
{
    /// <summary>The moment of the answer; ages are measured against it.</summary>
    public required DateTimeOffset Now { get; init; }

    /// <summary>The agent's version (<see cref="ProductVersion.Current"/> in the daemon).</summary>
    public required string Version { get; init; }

    /// <summary>When the daemon started; null when unknown.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>True once READY=1 was sent.</summary>
    public bool Ready { get; init; }

    /// <summary>The table text the daemon applied and verified (<see cref="NftRuleset.RenderTable"/>, the last-good
    /// file or <see cref="NftRuleset.BlockAllTable"/>); null when it verified none.</summary>
    public string? ExpectedTable { get; init; }

    /// <summary>Which table <see cref="ExpectedTable"/> is.</summary>
    public KillswitchTableKind ExpectedKind { get; init; }

    /// <summary>The policy <see cref="ExpectedTable"/> was computed from, for the posture line; null for a fallback.</summary>
    public KillswitchPolicy? Policy { get; init; }

    /// <summary>When the table was last put in place or found in place; null before.</summary>
    public DateTimeOffset? AppliedAt { get; init; }

    /// <summary>How often the table had to be put back since start.</summary>
    public long Repairs { get; init; }

    /// <summary>The kernel's <c>nft list table inet wgagent</c> output; null when the table does not exist. The drop
    /// counters are read from it.</summary>
    public string? KernelTable { get; init; }

    /// <summary>Why the table could not be listed (set instead of <see cref="KernelTable"/>); null when it could.</summary>
    public string? KernelError { get; init; }

    /// <summary>The tunnel interface as netlink last showed it.</summary>
    public required TunnelState Tunnel { get; init; }

    /// <summary>The wait timeout, when it passed without the tunnel coming up; null otherwise.</summary>
    public TimeSpan? WaitedOut { get; init; }

    /// <summary><c>wg show INTERFACE dump</c>, parsed; null when not read (absent interface) or unreadable.</summary>
    public WireGuardDump? Dump { get; init; }

    /// <summary>Why <c>wg show</c> failed or its output did not parse; null otherwise.</summary>
    public string? DumpError { get; init; }

    /// <summary>Each configured exporter's listening check, in config order; null before the first check.</summary>
    public IReadOnlyList<ExporterListenerStatus>? Exporters { get; init; }

    /// <summary>Why exporters could not be bound (one sentence each); empty when all went well.</summary>
    public IReadOnlyList<string> ExporterErrors { get; init; } = [];

    /// <summary>systemd ActiveState by unit name (e.g. <c>prometheus-node-exporter.service</c> → <c>active</c>).</summary>
    public IReadOnlyDictionary<string, string> UnitStates { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The agent config's path.</summary>
    public required string ConfigPath { get; init; }

    /// <summary>When the config in force was read; null when none is.</summary>
    public DateTimeOffset? ConfigLoadedAt { get; init; }

    /// <summary>Why the config on disk is not in force; empty when it is.</summary>
    public IReadOnlyList<Diagnostic> ConfigErrors { get; init; } = [];

    /// <summary>Why the <c>[ordering] after_tunnel</c> drop-ins are not all in place; empty when they are.</summary>
    public IReadOnlyList<string> OrderingProblems { get; init; } = [];
}
