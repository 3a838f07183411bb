using WgAgent.Lab.Addressing;

namespace WgAgent.Lab.Tests.Pure;

public sealed class LabTopologyTests
{
    [Fact]
    public void Host_NodeOnLan_VethPeerIsCreatedInTheRouterNotTheRootNamespace()
    {
        var script = LabTopology.Host("node", "wgl-abcdef-router", LabAddresses.Node, onLan: true);

        Assert.Contains("link add eth0 type veth peer name node netns wgl-abcdef-router\n", script, StringComparison.Ordinal);
        Assert.Contains("route add default via 192.0.2.1\n", script, StringComparison.Ordinal);
        Assert.Contains("route add default via 2001:db8:0:1::1\n", script, StringComparison.Ordinal);
        Assert.Contains("addr add 2001:db8:0:1::10/64 dev eth0 nodad\n", script, StringComparison.Ordinal);
    }

    [Fact]
    public void RouterPorts_FarPrefixes_RoutedToInet()
    {
        var script = LabTopology.RouterPorts(["node"], ["inet"]);

        Assert.Contains("link set node master br-lan\n", script, StringComparison.Ordinal);
        Assert.Contains("link set inet master br-wan\n", script, StringComparison.Ordinal);
        Assert.Contains("route add 203.0.113.0/24 via 198.51.100.10\n", script, StringComparison.Ordinal);
        Assert.Contains("route add 2001:db8:0:3::/64 via 2001:db8:0:2::10\n", script, StringComparison.Ordinal);
    }

    [Fact]
    public void LabAddresses_EveryUnderlayAddress_IsInADocumentationRange()
    {
        System.Net.IPNetwork[] documentation =
        [
            System.Net.IPNetwork.Parse("192.0.2.0/24"), System.Net.IPNetwork.Parse("198.51.100.0/24"),
            System.Net.IPNetwork.Parse("203.0.113.0/24"), System.Net.IPNetwork.Parse("2001:db8::/32"),
        ];
        HostAddresses[] hosts =
        [
            LabAddresses.RouterLan, LabAddresses.RouterWan, LabAddresses.Node, LabAddresses.Lan, LabAddresses.Inet,
            LabAddresses.Monitor, LabAddresses.Stranger, LabAddresses.InetFar, LabAddresses.InetDnsA, LabAddresses.InetDnsB,
        ];

        Assert.All(hosts.SelectMany(h => new[] { h.V4, h.V6 }), a => Assert.Contains(documentation, n => n.Contains(a)));
    }
}
