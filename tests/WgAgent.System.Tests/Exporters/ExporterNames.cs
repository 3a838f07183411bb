using WgAgent.Lab.Addressing;

namespace WgAgent.System.Tests.Exporters;

/// <summary>The exporter pieces as the tests look for them in the booted node (mirror of what wgagent writes).</summary>
public static class ExporterNames
{
    /// <summary>Debian's node_exporter unit.</summary>
    public const string Service = "prometheus-node-exporter.service";

    /// <summary>The socket unit wgagent generates for the lab config's exporter "node".</summary>
    public const string Socket = "wgagent-exporter-node.socket";

    /// <summary>The generated socket unit's path.</summary>
    public const string SocketPath = "/etc/systemd/system/" + Socket;

    /// <summary>The generated drop-in's path.</summary>
    public const string DropInPath = "/etc/systemd/system/" + Service + ".d/wgagent-exporter.conf";

    /// <summary>Where the tunnel addresses' exporter endpoints are, as ss(8) prints them.</summary>
    public static IReadOnlyList<string> TunnelEndpoints { get; } =
    [
        $"{LabAddresses.Node.RequiredTunnelV4}:{LabPorts.NodeExporter}",
        $"[{LabAddresses.Node.RequiredTunnelV6}]:{LabPorts.NodeExporter}",
    ];
}
