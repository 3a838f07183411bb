using System.Globalization;
using WgAgent.Lab.Addressing;
using WgAgent.Lab.WireGuard;

namespace WgAgent.Lab.Agent;

/// <summary>The /etc/wgagent.toml the system tests give the lab's booted node.</summary>
public static class LabAgentConfig
{
    /// <summary>
    /// The strict VPN posture (seed 002): all egress only through the tunnel, node_exporter reachable only
    /// from the monitor's tunnel addresses. Keys left out take their documented defaults.
    /// </summary>
    public static string TunnelEgress() => string.Create(CultureInfo.InvariantCulture, $"""
        # wgagent in the lab's booted node (written by the system tests; see packaging/wgagent.toml)
        [wireguard]
        interface = "{TunnelConfig.InterfaceName}"
        config = "/etc/wireguard/{TunnelConfig.InterfaceName}.conf"
        wait_timeout_seconds = 30

        [killswitch]
        egress = "tunnel"
        inbound = "open"
        ipv6 = "tunnel"

        [[exporter]]
        name = "node"
        unit = "prometheus-node-exporter.service"
        port = {LabPorts.NodeExporter}
        scrapers = ["{LabAddresses.Monitor.RequiredTunnelV4}", "{LabAddresses.Monitor.RequiredTunnelV6}"]

        """);
}
