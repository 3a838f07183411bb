namespace WgAgent.Core.Status;

/// <summary>The WireGuard interface (<c>tunnel</c>): the link from netlink, the rest from <c>wg show dump</c>.</summary>
public sealed record TunnelStatus
{
    /// <summary>The interface name, e.g. <c>wg0</c>.</summary>
    public required string Interface { get; init; }

    /// <summary>True when the link exists.</summary>
    public required bool Present { get; init; }

    /// <summary>True when the link is up and running and has a usable address.</summary>
    public required bool Up { get; init; }

    /// <summary><c>unknown</c> (not seen yet), <c>absent</c>, <c>present</c> (exists, not up) or <c>up</c>.</summary>
    public required string Phase { get; init; }

    /// <summary>Every address on the link as CIDR, IPv4 first.</summary>
    public required IReadOnlyList<string> Addresses { get; init; }

    /// <summary>The interface's public key; null when unknown or it has none.</summary>
    public string? PublicKey { get; init; }

    /// <summary>The UDP port WireGuard listens on; null when unknown or none.</summary>
    public int? ListenPort { get; init; }

    /// <summary>The firewall mark on WireGuard's own packets; null when off or unknown.</summary>
    public uint? Fwmark { get; init; }

    /// <summary>The peers, in the kernel's order; empty when unknown.</summary>
    public required IReadOnlyList<PeerStatus> Peers { get; init; }

    /// <summary>Why the WireGuard state could not be read; null when it was (or the interface is absent).</summary>
    public string? Error { get; init; }
}
