namespace WgAgent.Core.Status;

/// <summary>One WireGuard peer as the kernel reports it (<c>tunnel.peers[]</c>).</summary>
public sealed record PeerStatus
{
    /// <summary>The peer's public key (base64).</summary>
    public required string PublicKey { get; init; }

    /// <summary>Its current endpoint, e.g. <c>198.51.100.20:51820</c>; null when unknown.</summary>
    public string? Endpoint { get; init; }

    /// <summary>The networks routed to and accepted from it, as CIDR.</summary>
    public required IReadOnlyList<string> AllowedIps { get; init; }

    /// <summary>The last completed handshake (UTC); null when there never was one.</summary>
    public DateTimeOffset? LatestHandshake { get; init; }

    /// <summary>Seconds between the last handshake and <see cref="StatusDocument.GeneratedAt"/>; null when never.</summary>
    public long? LatestHandshakeAgeSeconds { get; init; }

    /// <summary>Bytes received from the peer.</summary>
    public required ulong RxBytes { get; init; }

    /// <summary>Bytes sent to the peer.</summary>
    public required ulong TxBytes { get; init; }

    /// <summary>Seconds between keepalives; null when off.</summary>
    public int? PersistentKeepaliveSeconds { get; init; }
}
