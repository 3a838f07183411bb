using System.Net;
using System.Text;
using WgAgent.Lab.Addressing;

namespace WgAgent.Lab;

/// <summary>
/// The underlay as `ip -batch` text, one script per namespace: pure, so the wiring can be read (and tested)
/// without root. Veths are created inside the host namespaces with their peer directly in the router, so
/// nothing ever touches the root namespace.
/// </summary>
public static class LabTopology
{
    /// <summary>The router's bridge for the LAN segment (node, lan).</summary>
    public const string LanBridge = "br-lan";

    /// <summary>The router's bridge for the WAN segment (inet, monitor, stranger).</summary>
    public const string WanBridge = "br-wan";

    /// <summary>Every host's link to the router.</summary>
    public const string HostLink = "eth0";

    /// <summary>The router's bridges and their addresses (the hosts' gateways).</summary>
    public static string RouterBridges()
    {
        var text = new StringBuilder("link set lo up\n");
        foreach (var (bridge, addresses, v4, v6) in new[]
        {
            (LanBridge, LabAddresses.RouterLan, LabAddresses.LanV4, LabAddresses.LanV6),
            (WanBridge, LabAddresses.RouterWan, LabAddresses.WanV4, LabAddresses.WanV6),
        })
        {
            text.Append($"link add {bridge} type bridge\n");
            text.Append($"addr add {addresses.V4}/{v4.PrefixLength} dev {bridge}\n");
            text.Append($"addr add {addresses.V6}/{v6.PrefixLength} dev {bridge} nodad\n");
            text.Append($"link set {bridge} up\n");
        }

        return text.ToString();
    }

    /// <summary>Enslaves each host's router-side veth (named after the host) to its segment's bridge; routes "far" to inet.</summary>
    public static string RouterPorts(IEnumerable<string> lanHosts, IEnumerable<string> wanHosts)
    {
        var text = new StringBuilder();
        foreach (var (hosts, bridge) in new[] { (lanHosts, LanBridge), (wanHosts, WanBridge) })
        {
            foreach (var host in hosts)
            {
                text.Append($"link set {host} master {bridge}\n");
                text.Append($"link set {host} up\n");
            }
        }

        text.Append($"route add {LabAddresses.FarV4} via {LabAddresses.Inet.V4}\n");
        text.Append($"route add {LabAddresses.FarV6} via {LabAddresses.Inet.V6}\n");
        return text.ToString();
    }

    /// <summary>A host's side: loopback, its veth (peer created in the router), addresses, default routes.</summary>
    /// <param name="role">The host's role; also the name of its veth's router side.</param>
    /// <param name="routerNamespace">The router's namespace name.</param>
    /// <param name="addresses">The host's underlay addresses.</param>
    /// <param name="onLan">True for the LAN segment, false for WAN.</param>
    /// <param name="loopbackAddresses">Extra addresses on lo (inet's "far" addresses).</param>
    public static string Host(
        string role, string routerNamespace, HostAddresses addresses, bool onLan, IEnumerable<IPAddress>? loopbackAddresses = null)
    {
        var (gateway, v4, v6) = onLan
            ? (LabAddresses.RouterLan, LabAddresses.LanV4, LabAddresses.LanV6)
            : (LabAddresses.RouterWan, LabAddresses.WanV4, LabAddresses.WanV6);
        var text = new StringBuilder("link set lo up\n");
        text.Append($"link add {HostLink} type veth peer name {role} netns {routerNamespace}\n");
        text.Append($"addr add {addresses.V4}/{v4.PrefixLength} dev {HostLink}\n");
        // nodad: usable at once, not after duplicate address detection (a second or more).
        text.Append($"addr add {addresses.V6}/{v6.PrefixLength} dev {HostLink} nodad\n");
        text.Append($"link set {HostLink} up\n");
        text.Append($"route add default via {gateway.V4}\n");
        text.Append($"route add default via {gateway.V6}\n");
        foreach (var address in loopbackAddresses ?? [])
        {
            var length = address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? 128 : 32;
            text.Append($"addr add {address}/{length} dev lo\n");
        }

        return text.ToString();
    }

    /// <summary>A WireGuard host's wg0 addresses and link up (after wireguard-go created it).</summary>
    public static string Tunnel(HostAddresses addresses) =>
        $"addr add {addresses.RequiredTunnelV4}/{LabAddresses.TunnelV4.PrefixLength} dev wg0\n" +
        $"addr add {addresses.RequiredTunnelV6}/{LabAddresses.TunnelV6.PrefixLength} dev wg0 nodad\n" +
        "link set wg0 up\n";
}
