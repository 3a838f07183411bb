namespace WgAgent.Lab.Addressing;

/// <summary>Well-known ports of the lab's services.</summary>
public static class LabPorts
{
    /// <summary>WireGuard UDP listen port on every WireGuard host.</summary>
    public const int WireGuard = 51820;

    /// <summary>The node's fwmark on its WireGuard UDP (what wgagent's kill switch lets through).</summary>
    public const uint FwMark = 0xca6c;

    /// <summary>node_exporter on the node's tunnel addresses.</summary>
    public const int NodeExporter = 9100;

    /// <summary>Prometheus's web/API port, on 127.0.0.1 inside monitor.</summary>
    public const int Prometheus = 9090;

    /// <summary>TCP and UDP echo (RFC 862) on every inet and lan address.</summary>
    public const int Echo = 7;

    /// <summary>TCP and UDP echo on port 53, on every inet address (a stand-in resolver).</summary>
    public const int Dns = 53;

    /// <summary>TCP and UDP echo on port 443, on every inet address (a typical egress target).</summary>
    public const int Https = 443;

    /// <summary>SSH's port: what a kill-switch test allows inbound (a test starts the listener).</summary>
    public const int Ssh = 22;

    /// <summary>Another TCP/UDP port a test may listen on but not allow inbound.</summary>
    public const int OtherService = 8080;

    /// <summary>wgagent's own metrics port (PRODUCT.md <c>[metrics] port</c>), guarded like an exporter.</summary>
    public const int AgentMetrics = 9586;

    /// <summary>The ports inet's echo service listens on.</summary>
    public static IReadOnlyList<int> InetEchoPorts { get; } = [Echo, Dns, Https];
}
