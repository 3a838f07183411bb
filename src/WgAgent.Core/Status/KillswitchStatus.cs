namespace WgAgent.Core.Status;

/// <summary>The table <c>inet wgagent</c> in the kernel (<c>killswitch</c>).</summary>
public sealed record KillswitchStatus
{
    /// <summary>Which table is in the kernel, or why none that wgagent verified is.</summary>
    public required KillswitchStatusState State { get; init; }

    /// <summary>True when the kernel's table equals the expected one (counter values, set element order and
    /// whitespace aside).</summary>
    public required bool Match { get; init; }

    /// <summary>The posture in one line, e.g. <c>egress open, inbound open, forward open, ipv6 tunnel; only via wg0:
    /// node 9100</c>.</summary>
    public required string Posture { get; init; }

    /// <summary>When the table was last put in place or found in place (UTC); null before.</summary>
    public DateTimeOffset? AppliedAt { get; init; }

    /// <summary>SHA-256 (lowercase hex) of the kernel's table in its normal form (<see cref="RulesetFingerprint"/>);
    /// null when there is no table.</summary>
    public string? RulesetSha256 { get; init; }

    /// <summary>How often the table had to be put back since the daemon started.</summary>
    public required long Repairs { get; init; }

    /// <summary>The named counters of the table, keyed by their nft names (<see cref="Firewall.NftCounters"/>), in
    /// the table's order; empty when there is no table.</summary>
    public required IReadOnlyDictionary<string, DropCounter> Drops { get; init; }

    /// <summary>Why the table could not be read; null when it could.</summary>
    public string? Error { get; init; }
}
