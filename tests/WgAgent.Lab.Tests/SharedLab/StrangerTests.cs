using WgAgent.Lab.Addressing;

namespace WgAgent.Lab.Tests.SharedLab;

/// <summary>The stranger is a real peer: with no firewall it reaches the node's wg0 address (later tests block it).</summary>
[Collection(LabCollection.Name)]
[Trait("lab", "level-1")]
public sealed class StrangerTests(LabFixture fixture)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Ping_StrangerToNodeTunnelAddress_Reachable(bool ipv6)
    {
        var result = await fixture.Lab.Stranger.PingAsync(LabAddresses.Node.Tunnel(ipv6), Timeout);

        Assert.True(result.Reachable, result.ToString());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task TcpConnect_StrangerToNodeExporter_Reachable(bool ipv6)
    {
        var result = await fixture.Lab.Stranger.TcpConnectAsync(LabAddresses.Node.Tunnel(ipv6), LabPorts.NodeExporter, Timeout);

        Assert.True(result.Reachable, result.ToString());
    }
}
