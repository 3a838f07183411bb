using WgAgent.Core.Net;

namespace WgAgent.Core.WireGuard;

/// <summary>
/// One peer as the kernel reports it (a peer line of <c>wg show INTERFACE dump</c>). Immutable. The
/// preshared key is not kept; <see cref="HasPresharedKey"/> only says whether there is one.
/// </summary>
public sealed class WireGuardPeerState
{
    /// <summary>The peer's public key.</summary>
    public required WireGuardKey PublicKey { get; init; }

    /// <summary>Whether the peer has a preshared key.</summary>
    public bool HasPresharedKey { get; init; }

    /// <summary>The peer's current endpoint (an address literal); null when unknown (<c>(none)</c>).</summary>
    public Endpoint? Endpoint { get; init; }

    /// <summary>The networks routed to and accepted from the peer; empty for <c>(none)</c>.</summary>
    public IReadOnlyList<IpNetwork> AllowedIPs { get; init; } = [];

    /// <summary>The last completed handshake in Unix seconds; null when there never was one (0).</summary>
    public long? LatestHandshakeUnixSeconds { get; init; }

    /// <summary>The last completed handshake as a UTC time; null when there never was one.</summary>
    public DateTimeOffset? LatestHandshake =>
        LatestHandshakeUnixSeconds is { } seconds ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;

    /// <summary>Bytes received from the peer.</summary>
    public ulong RxBytes { get; init; }

    /// <summary>Bytes sent to the peer.</summary>
    public ulong TxBytes { get; init; }

    /// <summary>Seconds between keepalives; null when <c>off</c>.</summary>
    public int? PersistentKeepalive { get; init; }

    /// <summary>A one-line summary for logs.</summary>
    public override string ToString() =>
        $"peer {PublicKey} endpoint {Endpoint?.ToString() ?? "(none)"} allowed-ips {(AllowedIPs.Count == 0 ? "(none)" : string.Join(",", AllowedIPs))} " +
        $"handshake {(LatestHandshakeUnixSeconds?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "never")} rx {RxBytes} tx {TxBytes}";
}
