namespace WgAgent.Core.Config;

/// <summary>How IPv6 is treated (<c>killswitch.ipv6</c>).</summary>
public enum Ipv6Mode
{
    /// <summary><c>"tunnel"</c>: the same policy as IPv4.</summary>
    Tunnel,

    /// <summary><c>"block"</c>: all IPv6 is dropped except loopback.</summary>
    Block,
}
