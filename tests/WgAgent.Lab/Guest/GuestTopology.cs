using System.Text;
using WgAgent.Lab.Addressing;
using WgAgent.Lab.WireGuard;

namespace WgAgent.Lab.Guest;

/// <summary>
/// The guest segment behind node (<see cref="LabOptions.Guest"/>) as `ip -batch` text, one script per namespace: pure,
/// like <see cref="LabTopology"/>. The guest is routed, not NATed, so inet sees the guest's own address and a test can
/// tell forwarded traffic from the node's own.
/// </summary>
public static class GuestTopology
{
    /// <summary>Node's side of the guest veth (the guest's side is <see cref="LabTopology.HostLink"/>).</summary>
    public const string NodeLink = "guest";

    /// <summary>The guest's side: its veth (peer created in node), addresses, default routes via node.</summary>
    /// <param name="nodeNamespace">Node's namespace name.</param>
    public static string Guest(string nodeNamespace)
    {
        var (guest, gateway) = (LabAddresses.Guest, LabAddresses.NodeGuestSide);
        var text = new StringBuilder("link set lo up\n");
        text.Append($"link add {LabTopology.HostLink} type veth peer name {NodeLink} netns {nodeNamespace}\n");
        text.Append($"addr add {guest.V4}/{LabAddresses.GuestV4.PrefixLength} dev {LabTopology.HostLink}\n");
        text.Append($"addr add {guest.V6}/{LabAddresses.GuestV6.PrefixLength} dev {LabTopology.HostLink} nodad\n");
        text.Append($"link set {LabTopology.HostLink} up\n");
        text.Append($"route add default via {gateway.V4}\n");
        text.Append($"route add default via {gateway.V6}\n");
        return text.ToString();
    }

    /// <summary>Node's side: the gateway addresses on its end of the veth (forwarding is a sysctl, not ip).</summary>
    public static string Node()
    {
        var gateway = LabAddresses.NodeGuestSide;
        return $"addr add {gateway.V4}/{LabAddresses.GuestV4.PrefixLength} dev {NodeLink}\n" +
            $"addr add {gateway.V6}/{LabAddresses.GuestV6.PrefixLength} dev {NodeLink} nodad\n" +
            $"link set {NodeLink} up\n";
    }

    /// <summary>The router: the guest prefixes via node's LAN address (longer than the "far" route to inet).</summary>
    public static string Router() =>
        $"route add {LabAddresses.GuestV4} via {LabAddresses.Node.V4}\n" +
        $"route add {LabAddresses.GuestV6} via {LabAddresses.Node.V6}\n";

    /// <summary>The monitor: the guest prefixes into its wg0 (the peer's AllowedIPs must name them too).</summary>
    public static string Monitor() =>
        $"route add {LabAddresses.GuestV4} dev {TunnelConfig.InterfaceName}\n" +
        $"route add {LabAddresses.GuestV6} dev {TunnelConfig.InterfaceName}\n";

    /// <summary>The node peer's AllowedIPs on monitor with the guest prefixes added (wg(8) comma-separated list).</summary>
    /// <param name="nodePeer">Monitor's peer entry for node.</param>
    public static string MonitorAllowedIps(WireGuardPeer nodePeer) =>
        string.Join(",", nodePeer.AllowedIps.Select(n => n.ToString()).Concat([LabAddresses.GuestV4.ToString(), LabAddresses.GuestV6.ToString()]));
}
