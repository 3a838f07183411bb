namespace WgAgent.Core.Config;

/// <summary>What may reach the host unsolicited (<c>killswitch.inbound</c>).</summary>
public enum InboundMode
{
    /// <summary><c>"open"</c>: only the exporter ports are restricted.</summary>
    Open,

    /// <summary><c>"restricted"</c>: unsolicited inbound is dropped except <c>allow_inbound</c>, the exporters and WireGuard's port.</summary>
    Restricted,
}
