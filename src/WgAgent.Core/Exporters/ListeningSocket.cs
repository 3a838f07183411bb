using System.Net;

namespace WgAgent.Core.Exporters;

/// <summary>A TCP socket in the LISTEN state, as the kernel lists it.</summary>
/// <param name="Address">The local address; <c>0.0.0.0</c> or <c>::</c> for a wildcard.</param>
/// <param name="Port">The local port.</param>
public sealed record ListeningSocket(IPAddress Address, int Port)
{
    /// <summary>The address as it binds: an IPv4-mapped IPv6 address (<c>::ffff:10.0.0.2</c>) as the IPv4 address.</summary>
    public IPAddress EffectiveAddress => Address.IsIPv4MappedToIPv6 ? Address.MapToIPv4() : Address;

    /// <summary>True for <c>0.0.0.0</c> and <c>::</c>: every address of the family (and, for <c>::</c>, often IPv4 too).</summary>
    public bool IsWildcard => Address.Equals(IPAddress.Any) || Address.Equals(IPAddress.IPv6Any);

    /// <summary><c>10.0.0.2:9100</c> or <c>[::]:9100</c>.</summary>
    public override string ToString() => ListenEndpoint.Format(Address, Port);
}
