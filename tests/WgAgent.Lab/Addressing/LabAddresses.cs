using System.Net;

namespace WgAgent.Lab.Addressing;

/// <summary>
/// Every address of the lab, in one place, so tests say "the node's tunnel address" rather than a literal.
/// Underlay and "internet" use documentation ranges (RFC 5737, RFC 3849); the tunnel a private range.
/// </summary>
/// <remarks>
/// Layout: a router joins a LAN segment (node, lan) and a WAN segment (inet, monitor, stranger) and routes
/// the "far" prefix to inet, which holds those addresses on its loopback.
/// </remarks>
public static class LabAddresses
{
    /// <summary>The LAN segment (IPv4): node and lan.</summary>
    public static readonly IPNetwork LanV4 = IPNetwork.Parse("192.0.2.0/24");

    /// <summary>The LAN segment (IPv6).</summary>
    public static readonly IPNetwork LanV6 = IPNetwork.Parse("2001:db8:0:1::/64");

    /// <summary>The WAN segment (IPv4): inet, monitor, stranger.</summary>
    public static readonly IPNetwork WanV4 = IPNetwork.Parse("198.51.100.0/24");

    /// <summary>The WAN segment (IPv6).</summary>
    public static readonly IPNetwork WanV6 = IPNetwork.Parse("2001:db8:0:2::/64");

    /// <summary>"Far internet" (IPv4): routed by the router to inet.</summary>
    public static readonly IPNetwork FarV4 = IPNetwork.Parse("203.0.113.0/24");

    /// <summary>"Far internet" (IPv6).</summary>
    public static readonly IPNetwork FarV6 = IPNetwork.Parse("2001:db8:0:3::/64");

    /// <summary>The WireGuard tunnel (IPv4).</summary>
    public static readonly IPNetwork TunnelV4 = IPNetwork.Parse("10.77.0.0/24");

    /// <summary>The WireGuard tunnel (IPv6).</summary>
    public static readonly IPNetwork TunnelV6 = IPNetwork.Parse("fd77::/64");

    /// <summary>The router on the LAN segment (the default gateway of node and lan).</summary>
    public static readonly HostAddresses RouterLan = new(IPAddress.Parse("192.0.2.1"), IPAddress.Parse("2001:db8:0:1::1"));

    /// <summary>The router on the WAN segment (the default gateway of inet, monitor and stranger).</summary>
    public static readonly HostAddresses RouterWan = new(IPAddress.Parse("198.51.100.1"), IPAddress.Parse("2001:db8:0:2::1"));

    /// <summary>The host under test.</summary>
    public static readonly HostAddresses Node = new(
        IPAddress.Parse("192.0.2.10"), IPAddress.Parse("2001:db8:0:1::10"),
        IPAddress.Parse("10.77.0.2"), IPAddress.Parse("fd77::2"));

    /// <summary>Another host on the node's LAN.</summary>
    public static readonly HostAddresses Lan = new(IPAddress.Parse("192.0.2.20"), IPAddress.Parse("2001:db8:0:1::20"));

    /// <summary>The internet stand-in on the WAN segment.</summary>
    public static readonly HostAddresses Inet = new(IPAddress.Parse("198.51.100.10"), IPAddress.Parse("2001:db8:0:2::10"));

    /// <summary>The Prometheus server and the node's scraping WireGuard peer.</summary>
    public static readonly HostAddresses Monitor = new(
        IPAddress.Parse("198.51.100.20"), IPAddress.Parse("2001:db8:0:2::20"),
        IPAddress.Parse("10.77.0.1"), IPAddress.Parse("fd77::1"));

    /// <summary>A second WireGuard peer of the node that is not a scraper.</summary>
    public static readonly HostAddresses Stranger = new(
        IPAddress.Parse("198.51.100.30"), IPAddress.Parse("2001:db8:0:2::30"),
        IPAddress.Parse("10.77.0.3"), IPAddress.Parse("fd77::3"));

    /// <summary>A "far" internet address of inet (beyond the router's WAN segment).</summary>
    public static readonly HostAddresses InetFar = new(IPAddress.Parse("203.0.113.10"), IPAddress.Parse("2001:db8:0:3::10"));

    /// <summary>A resolver address on inet, for tests that allow it as DNS (echo on port 53).</summary>
    public static readonly HostAddresses InetDnsA = new(IPAddress.Parse("203.0.113.53"), IPAddress.Parse("2001:db8:0:3::53"));

    /// <summary>Another resolver address on inet, for tests that do not allow it (echo on port 53).</summary>
    public static readonly HostAddresses InetDnsB = new(IPAddress.Parse("203.0.113.54"), IPAddress.Parse("2001:db8:0:3::54"));

    /// <summary>
    /// The guest segment behind the node (IPv4), with <see cref="LabOptions.Guest"/>: a slice of the "far" range that
    /// the router routes to the node instead of inet (the longer prefix wins), like a routed container network.
    /// </summary>
    public static readonly IPNetwork GuestV4 = IPNetwork.Parse("203.0.113.128/25");

    /// <summary>The guest segment behind the node (IPv6).</summary>
    public static readonly IPNetwork GuestV6 = IPNetwork.Parse("2001:db8:0:4::/64");

    /// <summary>The node on the guest segment (the guest's default gateway).</summary>
    public static readonly HostAddresses NodeGuestSide = new(IPAddress.Parse("203.0.113.129"), IPAddress.Parse("2001:db8:0:4::1"));

    /// <summary>The guest: a "container" whose traffic the node forwards.</summary>
    public static readonly HostAddresses Guest = new(IPAddress.Parse("203.0.113.130"), IPAddress.Parse("2001:db8:0:4::10"));

    /// <summary>Every address inet answers on (echo services listen on all of them).</summary>
    public static IReadOnlyList<IPAddress> InetAll { get; } =
    [
        Inet.V4, Inet.V6, InetFar.V4, InetFar.V6, InetDnsA.V4, InetDnsA.V6, InetDnsB.V4, InetDnsB.V6,
    ];
}
