using WgAgent.Lab.Addressing;
using WgAgent.Lab.Probes;

namespace WgAgent.Lab.Tests.SharedLab;

/// <summary>The probes can say "no": otherwise every "reachable" above would prove nothing.</summary>
[Collection(LabCollection.Name)]
[Trait("lab", "level-1")]
public sealed class ProbeTests(LabFixture fixture)
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task TcpConnect_MonitorToExporterOnNodeUnderlay_Refused(bool ipv6)
    {
        // node_exporter listens only on the tunnel addresses: the underlay port is closed.
        var result = await fixture.Lab.Monitor.TcpConnectAsync(LabAddresses.Node.Underlay(ipv6), LabPorts.NodeExporter);

        Assert.Equal(ProbeOutcome.Refused, result.Outcome);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task UdpEcho_NodeToClosedInetPort_Refused(bool ipv6)
    {
        var result = await fixture.Lab.Node.UdpEchoAsync(LabAddresses.Inet.Underlay(ipv6), 9);

        Assert.Equal(ProbeOutcome.Refused, result.Outcome);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Ping_NodeToUnusedFarAddress_NotReachable(bool ipv6)
    {
        // Routed to inet, which has no such address and does not forward: the request is silently dropped.
        var unused = ipv6 ? System.Net.IPAddress.Parse("2001:db8:0:3::99") : System.Net.IPAddress.Parse("203.0.113.99");
        Assert.True(ipv6 ? LabAddresses.FarV6.Contains(unused) : LabAddresses.FarV4.Contains(unused));

        var result = await fixture.Lab.Node.PingAsync(unused, TimeSpan.FromMilliseconds(500));

        Assert.False(result.Reachable, result.ToString());
    }

    [Fact]
    public async Task TcpConnect_NodeToUnusedFarAddress_TimesOut()
    {
        var result = await fixture.Lab.Node.TcpConnectAsync(System.Net.IPAddress.Parse("203.0.113.99"), LabPorts.Https, TimeSpan.FromMilliseconds(500));

        Assert.Equal(ProbeOutcome.TimedOut, result.Outcome);
    }

    [Fact]
    public async Task RunAsync_CommandInNode_SeesOnlyTheNodesInterfaces()
    {
        var result = (await fixture.Lab.Node.RunAsync("ip", "-o", "link", "show")).EnsureSuccess();

        Assert.Contains(": wg0:", result.Stdout, StringComparison.Ordinal);
        Assert.Contains(": eth0@", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("br-lan", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_CommandExceedingTimeout_IsKilledAndReportedAsTimedOut()
    {
        var result = await fixture.Lab.Inet.RunAsync(["sleep", "30"], TimeSpan.FromMilliseconds(300));

        Assert.True(result.TimedOut);
        Assert.InRange(result.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(10));
        Assert.Throws<LabException>(() => result.EnsureSuccess());
    }
}
