namespace WgAgent.Core.Net;

/// <summary>What the host part of an <see cref="Endpoint"/> is.</summary>
public enum EndpointHostKind
{
    /// <summary>An IPv4 address literal (<c>203.0.113.7:51820</c>).</summary>
    IPv4,

    /// <summary>An IPv6 address literal, written in brackets (<c>[2001:db8::1]:51820</c>).</summary>
    IPv6,

    /// <summary>A DNS name, resolved by wg(8) once when the interface is configured (<c>vpn.example.com:51820</c>).</summary>
    HostName,
}
