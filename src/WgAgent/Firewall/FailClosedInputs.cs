using WgAgent.Core.Config;
using WgAgent.Core.WireGuard;

namespace WgAgent.Firewall;

/// <summary>Everything <see cref="FailClosedDecision.Decide"/> looks at, already read from disk by the host.</summary>
public sealed record FailClosedInputs
{
    /// <summary>The agent config's path, for diagnostics.</summary>
    public required string ConfigPath { get; init; }

    /// <summary>The result of reading the agent config; null when the file could not be read at all.</summary>
    public AgentConfigReadResult? Config { get; init; }

    /// <summary>Why the agent config could not be read (with <see cref="Config"/> null).</summary>
    public string? ConfigReadError { get; init; }

    /// <summary>The result of reading the WireGuard config the agent config names; null when it could not be read.</summary>
    public WireGuardConfigReadResult? Tunnel { get; init; }

    /// <summary>Why the WireGuard config could not be read (with <see cref="Tunnel"/> null).</summary>
    public string? TunnelReadError { get; init; }

    /// <summary>Where last-good.nft lives, for diagnostics about it.</summary>
    public required string LastGoodPath { get; init; }

    /// <summary>The stored last verified table; null when there is none (or it could not be read).</summary>
    public LastGoodRuleset? LastGood { get; init; }

    /// <summary>Why last-good.nft exists but could not be read.</summary>
    public string? LastGoodReadError { get; init; }
}
