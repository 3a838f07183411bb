namespace WgAgent.Core.Config;

/// <summary>Where forwarded traffic (containers, VMs) may go (<c>killswitch.forward</c>).</summary>
public enum ForwardMode
{
    /// <summary><c>"open"</c>: forwarding is not restricted.</summary>
    Open,

    /// <summary><c>"tunnel"</c>: forwarded traffic may leave only through the tunnel.</summary>
    Tunnel,
}
