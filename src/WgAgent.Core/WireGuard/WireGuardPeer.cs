using System.Globalization;
using System.Text;
using WgAgent.Core.Diagnostics;
using WgAgent.Core.Net;

namespace WgAgent.Core.WireGuard;

/// <summary>
/// One <c>[Peer]</c> section of a wg-quick config, typed. Immutable. A preshared key is never kept:
/// <see cref="HasPresharedKey"/> only says whether the file sets one.
/// </summary>
public sealed class WireGuardPeer
{
    /// <summary>The peer's number in the file, from 1, as in key paths (<c>Peer[2]</c>).</summary>
    public required int Index { get; init; }

    /// <summary>Where the <c>[Peer]</c> header is.</summary>
    public required TextPosition Position { get; init; }

    /// <summary>The peer's public key.</summary>
    public required WireGuardKey PublicKey { get; init; }

    /// <summary>Whether the file sets a (well-formed) <c>PresharedKey</c>. The key itself is not kept.</summary>
    public bool HasPresharedKey { get; init; }

    /// <summary>Where to send packets initially; null when absent (the peer connects to us).</summary>
    public Endpoint? Endpoint { get; init; }

    /// <summary>
    /// The networks routed to and accepted from this peer, from every <c>AllowedIPs</c> line, in file
    /// order. Host bits are cleared, as the kernel does (<c>10.0.0.1/24</c> is stored as <c>10.0.0.0/24</c>).
    /// </summary>
    public IReadOnlyList<IpNetwork> AllowedIPs { get; init; } = [];

    /// <summary>Seconds between keepalives; null when absent, <c>off</c> or 0.</summary>
    public int? PersistentKeepalive { get; init; }

    /// <summary>True when an allowed IP is a default route (<c>0.0.0.0/0</c> or <c>::/0</c>).</summary>
    public bool HasDefaultRoute => AllowedIPs.Any(network => network.IsDefaultRoute);

    /// <summary>A one-line summary for logs.</summary>
    public override string ToString()
    {
        var text = new StringBuilder("peer ").Append(PublicKey);
        text.Append(" endpoint ").Append(Endpoint?.ToString() ?? "(none)");
        text.Append(" allowed-ips ").Append(AllowedIPs.Count == 0 ? "(none)" : string.Join(",", AllowedIPs));
        if (PersistentKeepalive is { } seconds)
        {
            text.Append(" keepalive ").Append(seconds.ToString(CultureInfo.InvariantCulture));
        }
        return text.ToString();
    }
}
