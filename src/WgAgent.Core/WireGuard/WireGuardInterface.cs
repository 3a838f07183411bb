using System.Globalization;
using System.Net;
using System.Text;
using WgAgent.Core.Diagnostics;
using WgAgent.Core.Net;

namespace WgAgent.Core.WireGuard;

/// <summary>
/// The <c>[Interface]</c> section of a wg-quick config, typed. Immutable. The private key is never kept:
/// <see cref="HasPrivateKey"/> only says whether the file sets one.
/// </summary>
public sealed class WireGuardInterface
{
    /// <summary>Where the (first) <c>[Interface]</c> header is.</summary>
    public required TextPosition Position { get; init; }

    /// <summary>
    /// The host's tunnel addresses from every <c>Address</c> line, in file order, host bits as written
    /// (<c>10.0.0.2/24</c>); a bare address is a /32 or /128.
    /// </summary>
    public required IReadOnlyList<IpNetwork> Addresses { get; init; }

    /// <summary>The UDP port WireGuard listens on; null when absent or 0 (the kernel picks a free port).</summary>
    public int? ListenPort { get; init; }

    /// <summary>
    /// The firewall mark on WireGuard's own packets; null when absent, 0 when written as <c>off</c> or 0.
    /// When absent and a peer has a default route (<see cref="WireGuardConfig.HasDefaultRoute"/>) with
    /// <c>Table = auto</c>, wg-quick(8) sets one itself (51820, or the next free table number).
    /// </summary>
    public uint? FwMark { get; init; }

    /// <summary>Whether the file sets a (well-formed) <c>PrivateKey</c>. The key itself is not kept.</summary>
    public bool HasPrivateKey { get; init; }

    /// <summary>DNS servers from <c>DNS</c> (entries that look like addresses).</summary>
    public IReadOnlyList<IPAddress> DnsServers { get; init; } = [];

    /// <summary>DNS search domains from <c>DNS</c> (the other entries).</summary>
    public IReadOnlyList<string> DnsSearchDomains { get; init; } = [];

    /// <summary>The routing table for peer routes; <see cref="WireGuardRouteTable.Auto"/> when absent.</summary>
    public WireGuardRouteTable Table { get; init; } = WireGuardRouteTable.Auto;

    /// <summary>The interface MTU; null when absent (wg-quick computes one).</summary>
    public int? Mtu { get; init; }

    /// <summary>A one-line summary for logs, without secrets.</summary>
    public override string ToString()
    {
        var text = new StringBuilder("address ");
        text.Append(Addresses.Count == 0 ? "(none)" : string.Join(", ", Addresses));
        if (ListenPort is { } port)
        {
            text.Append("; listen-port ").Append(port.ToString(CultureInfo.InvariantCulture));
        }
        if (FwMark is { } mark)
        {
            text.Append("; fwmark ").Append(mark == 0 ? "off" : $"0x{mark:x}");
        }
        if (Table.Kind != WireGuardRouteTableKind.Auto)
        {
            text.Append("; table ").Append(Table);
        }
        if (Mtu is { } mtu)
        {
            text.Append("; mtu ").Append(mtu.ToString(CultureInfo.InvariantCulture));
        }
        if (DnsServers.Count > 0)
        {
            text.Append("; dns ").Append(string.Join(", ", DnsServers));
        }
        text.Append(HasPrivateKey ? "; private key set" : "; no private key");
        return text.ToString();
    }
}
