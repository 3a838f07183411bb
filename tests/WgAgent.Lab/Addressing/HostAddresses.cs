using System.Net;

namespace WgAgent.Lab.Addressing;

/// <summary>The underlay (and, for WireGuard hosts, tunnel) addresses of one lab host.</summary>
/// <param name="V4">IPv4 address on the host's <c>eth0</c>.</param>
/// <param name="V6">IPv6 address on the host's <c>eth0</c>.</param>
/// <param name="TunnelV4">IPv4 address on the host's <c>wg0</c>, or null for hosts without WireGuard.</param>
/// <param name="TunnelV6">IPv6 address on the host's <c>wg0</c>, or null for hosts without WireGuard.</param>
public sealed record HostAddresses(IPAddress V4, IPAddress V6, IPAddress? TunnelV4 = null, IPAddress? TunnelV6 = null)
{
    /// <summary>The tunnel IPv4 address; throws for hosts without WireGuard.</summary>
    public IPAddress RequiredTunnelV4 =>
        TunnelV4 ?? throw new InvalidOperationException($"host {V4} has no WireGuard tunnel address");

    /// <summary>The tunnel IPv6 address; throws for hosts without WireGuard.</summary>
    public IPAddress RequiredTunnelV6 =>
        TunnelV6 ?? throw new InvalidOperationException($"host {V6} has no WireGuard tunnel address");

    /// <summary>The underlay address of the given family.</summary>
    public IPAddress Underlay(bool ipv6) => ipv6 ? V6 : V4;

    /// <summary>The tunnel address of the given family.</summary>
    public IPAddress Tunnel(bool ipv6) => ipv6 ? RequiredTunnelV6 : RequiredTunnelV4;
}
