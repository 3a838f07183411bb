using System.Net;
using WgAgent.Lab.Addressing;
using WgAgent.Lab.Probes;

namespace WgAgent.Lab.Tests.SharedLab;

/// <summary>With nothing blocking, the node reaches everything: so a later "blocked" result means something.</summary>
[Collection(LabCollection.Name)]
[Trait("lab", "level-1")]
public sealed class ReachabilityTests(LabFixture fixture)
{
    // Positive probes get room for a loaded machine; a reachable target answers in milliseconds.
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    [Theory]
    [MemberData(nameof(ProbeMatrix.KindsAndFamilies), MemberType = typeof(ProbeMatrix))]
    public async Task Probe_NodeToInet_Reachable(ProbeKind kind, bool ipv6)
    {
        var target = LabAddresses.Inet.Underlay(ipv6);

        var result = await fixture.Lab.Node.ProbeAsync(kind, target, LabPorts.Echo, Timeout);

        Assert.True(result.Reachable, result.ToString());
        AssertInetSawNode(kind, ipv6, new IPEndPoint(target, LabPorts.Echo));
    }

    [Theory]
    [InlineData(ProbeKind.TcpEcho, false, LabPorts.Https)]
    [InlineData(ProbeKind.TcpEcho, true, LabPorts.Https)]
    [InlineData(ProbeKind.UdpEcho, false, LabPorts.Dns)]
    [InlineData(ProbeKind.UdpEcho, true, LabPorts.Dns)]
    [InlineData(ProbeKind.Ping, false, 0)]
    [InlineData(ProbeKind.Ping, true, 0)]
    public async Task Probe_NodeToFarInet_ReachableThroughTheRouter(ProbeKind kind, bool ipv6, int port)
    {
        var target = LabAddresses.InetFar.Underlay(ipv6);

        var result = await fixture.Lab.Node.ProbeAsync(kind, target, port, Timeout);

        Assert.True(result.Reachable, result.ToString());
        AssertInetSawNode(kind, ipv6, new IPEndPoint(target, port));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task UdpEcho_NodeToBothResolverAddresses_Reachable(bool ipv6)
    {
        var node = fixture.Lab.Node;

        var a = await node.UdpEchoAsync(LabAddresses.InetDnsA.Underlay(ipv6), LabPorts.Dns, Timeout);
        var b = await node.UdpEchoAsync(LabAddresses.InetDnsB.Underlay(ipv6), LabPorts.Dns, Timeout);

        Assert.True(a.Reachable, a.ToString());
        Assert.True(b.Reachable, b.ToString());
    }

    [Theory]
    [MemberData(nameof(ProbeMatrix.KindsAndFamilies), MemberType = typeof(ProbeMatrix))]
    public async Task Probe_NodeToLan_Reachable(ProbeKind kind, bool ipv6)
    {
        var result = await fixture.Lab.Node.ProbeAsync(kind, LabAddresses.Lan.Underlay(ipv6), LabPorts.Echo, Timeout);

        Assert.True(result.Reachable, result.ToString());
    }

    private void AssertInetSawNode(ProbeKind kind, bool ipv6, IPEndPoint target)
    {
        if (kind == ProbeKind.Ping)
        {
            return;
        }

        // Arrived from the node's own address (no NAT anywhere), on the address that was probed.
        var protocol = kind == ProbeKind.UdpEcho ? "udp" : "tcp";
        var node = LabAddresses.Node.Underlay(ipv6);
        Assert.Contains(fixture.Lab.InetEcho.Hits, h => h.Protocol == protocol && h.Local.Equals(target) && h.Remote.Address.Equals(node));
    }
}
