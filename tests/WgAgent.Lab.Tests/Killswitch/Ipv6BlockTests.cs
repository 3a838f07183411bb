using System.Net;
using WgAgent.Core.Firewall;
using WgAgent.Lab.Addressing;
using WgAgent.Lab.Probes;
using WgAgent.Lab.Tests.Killswitch.Support;
using Xunit.Abstractions;

namespace WgAgent.Lab.Tests.Killswitch;

/// <summary>
/// ipv6 = "block": no IPv6 in or out but loopback — on the LAN link and through the tunnel alike — while IPv4 goes on
/// as before. Egress and inbound stay open, so the IPv6 rules alone are on trial.
/// </summary>
[Trait("lab", "killswitch")]
public sealed class Ipv6BlockTests(Ipv6BlockFixture fixture, ITestOutputHelper output)
    : KillswitchLabTests<Ipv6BlockFixture>(fixture, output)
{
    private static readonly Posture Block = new() { Ipv6 = "block" };

    [Theory]
    [InlineData(ProbeKind.TcpEcho, "inet")]
    [InlineData(ProbeKind.UdpEcho, "inet")]
    [InlineData(ProbeKind.Ping, "inet")]
    [InlineData(ProbeKind.TcpEcho, "monitor over wg0")]
    [InlineData(ProbeKind.UdpEcho, "monitor over wg0")]
    [InlineData(ProbeKind.Ping, "monitor over wg0")]
    public async Task Probe_NodeOutV6_RejectedFastAndCounted(ProbeKind kind, string to)
    {
        var target = to == "inet" ? LabAddresses.Inet.V6 : LabAddresses.Monitor.RequiredTunnelV6;

        var probe = await Killswitch.BlockedAfterControlAsync(
            Lab.Node, kind, target, LabPorts.Echo, Block, ProbeAssert.Patient, NftCounters.RejectedOutput);

        probe.AssertBlocked(ProbeAssert.RejectedFast);
    }

    [Theory]
    [MemberData(nameof(ProbeMatrix.Kinds), MemberType = typeof(ProbeMatrix))]
    public async Task Probe_MonitorToNodeOverWg0V6_DroppedAndCounted(ProbeKind kind)
    {
        var target = LabAddresses.Node.RequiredTunnelV6;

        var probe = await Killswitch.BlockedAfterControlAsync(
            Lab.Monitor, kind, target, LabPorts.Echo, Block, ProbeAssert.Brief, NftCounters.DroppedInput);

        probe.AssertBlocked(ProbeAssert.Blocked);
    }

    [Theory]
    [InlineData(ProbeKind.TcpEcho, "node to inet")]
    [InlineData(ProbeKind.UdpEcho, "node to inet")]
    [InlineData(ProbeKind.Ping, "node to inet")]
    [InlineData(ProbeKind.TcpEcho, "node to monitor over wg0")]
    [InlineData(ProbeKind.UdpEcho, "node to monitor over wg0")]
    [InlineData(ProbeKind.Ping, "node to monitor over wg0")]
    [InlineData(ProbeKind.TcpEcho, "monitor to node over wg0")]
    [InlineData(ProbeKind.UdpEcho, "monitor to node over wg0")]
    [InlineData(ProbeKind.Ping, "monitor to node over wg0")]
    public async Task Probe_V4_Unaffected(ProbeKind kind, string path)
    {
        await Killswitch.ApplyAsync(Block);
        var (from, target) = path switch
        {
            "node to inet" => (Lab.Node, LabAddresses.Inet.V4),
            "node to monitor over wg0" => (Lab.Node, LabAddresses.Monitor.RequiredTunnelV4),
            _ => (Lab.Monitor, LabAddresses.Node.RequiredTunnelV4),
        };

        var result = await Killswitch.ProbeAsync(from, kind, target, LabPorts.Echo, ProbeAssert.Patient);

        ProbeAssert.Reachable(result);
    }

    [Theory]
    [MemberData(nameof(ProbeMatrix.KindsAndFamilies), MemberType = typeof(ProbeMatrix))]
    public async Task Probe_NodeLoopback_Reachable(ProbeKind kind, bool ipv6)
    {
        await Killswitch.ApplyAsync(Block);

        var result = await Killswitch.ProbeAsync(
            Lab.Node, kind, ipv6 ? IPAddress.IPv6Loopback : IPAddress.Loopback, LabPorts.Echo, ProbeAssert.Patient);

        ProbeAssert.Reachable(result);
    }
}
