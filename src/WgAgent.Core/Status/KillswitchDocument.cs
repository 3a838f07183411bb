namespace WgAgent.Core.Status;

/// <summary>
/// The answer of <c>GET /v1/killswitch</c> (<c>agentctl killswitch show</c>): the table in the kernel next to the one
/// wgagent expects. Built by <see cref="StatusComposer.ComposeKillswitch"/>; immutable.
/// </summary>
public sealed record KillswitchDocument
{
    /// <summary>The same verdict as <c>killswitch.state</c> of the status.</summary>
    public required KillswitchStatusState State { get; init; }

    /// <summary>True when the kernel's table equals the expected one (counter values, set element order and
    /// whitespace aside).</summary>
    public required bool Match { get; init; }

    /// <summary>When the expected table was last put in place or found in place (UTC).</summary>
    public DateTimeOffset? AppliedAt { get; init; }

    /// <summary>SHA-256 of the kernel's table in its normal form; null when there is none.</summary>
    public string? RulesetSha256 { get; init; }

    /// <summary>The table as the kernel lists it (<c>nft list table inet wgagent</c>); null when there is none.</summary>
    public string? AppliedRuleset { get; init; }

    /// <summary>The table wgagent put in place and expects; null before it verified one.</summary>
    public string? ExpectedRuleset { get; init; }

    /// <summary>Where the two first differ, e.g. <c>line 12: expected "…", listed "…"</c>; null when they match or
    /// one is missing.</summary>
    public string? FirstDifference { get; init; }

    /// <summary>Why the kernel's table could not be read; null when it could.</summary>
    public string? Error { get; init; }
}
