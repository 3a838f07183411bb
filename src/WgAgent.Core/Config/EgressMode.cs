namespace WgAgent.Core.Config;

/// <summary>What may leave the host (<c>killswitch.egress</c>).</summary>
public enum EgressMode
{
    /// <summary><c>"open"</c>: normal egress; only the exporter ports and the tunnel address are guarded.</summary>
    Open,

    /// <summary><c>"tunnel"</c>: everything leaves only through the tunnel, plus WireGuard's own UDP, <c>allow_lan</c> and <c>dns</c>.</summary>
    Tunnel,
}
