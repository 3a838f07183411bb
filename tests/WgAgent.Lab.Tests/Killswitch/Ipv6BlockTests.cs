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
    : IClassFixture<Ipv6BlockFixture>, IAsyncLifetime
{
    private static readonly Posture Block = new() { Ipv6 = "block" };
    private readonly NodeKillswitch _killswitch = new(fixture.Lab, output);

    private Lab Lab => fixture.Lab;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _killswitch.RemoveAsync();

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
        await _killswitch.RemoveAsync();
        var control = await _killswitch.ProbeAsync(Lab.Node, kind, target, LabPorts.Echo, ProbeAssert.Patient);
        await _killswitch.ApplyAsync(Block);
        var before = await _killswitch.PacketsAsync(NftCounters.RejectedOutput);

        var blocked = await _killswitch.ProbeAsync(Lab.Node, kind, target, LabPorts.Echo, ProbeAssert.Patient);

        ProbeAssert.Reachable(control);
        ProbeAssert.RejectedFast(blocked);
        Assert.True(await _killswitch.PacketsAsync(NftCounters.RejectedOutput) > before, "rejected_output did not count it");
    }

    [Theory]
    [InlineData(ProbeKind.TcpEcho)]
    [InlineData(ProbeKind.UdpEcho)]
    [InlineData(ProbeKind.Ping)]
    public async Task Probe_MonitorToNodeOverWg0V6_DroppedAndCounted(ProbeKind kind)
    {
        var target = LabAddresses.Node.RequiredTunnelV6;
        await _killswitch.RemoveAsync();
        var control = await _killswitch.ProbeAsync(Lab.Monitor, kind, target, LabPorts.Echo, ProbeAssert.Patient);
        await _killswitch.ApplyAsync(Block);
        var before = await _killswitch.PacketsAsync(NftCounters.DroppedInput);

        var blocked = await _killswitch.ProbeAsync(Lab.Monitor, kind, target, LabPorts.Echo, ProbeAssert.Brief);

        ProbeAssert.Reachable(control);
        ProbeAssert.Blocked(blocked);
        Assert.True(await _killswitch.PacketsAsync(NftCounters.DroppedInput) > before, "dropped_input did not count it");
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
        await _killswitch.ApplyAsync(Block);
        var (from, target) = path switch
        {
            "node to inet" => (Lab.Node, LabAddresses.Inet.V4),
            "node to monitor over wg0" => (Lab.Node, LabAddresses.Monitor.RequiredTunnelV4),
            _ => (Lab.Monitor, LabAddresses.Node.RequiredTunnelV4),
        };

        var result = await _killswitch.ProbeAsync(from, kind, target, LabPorts.Echo, ProbeAssert.Patient);

        ProbeAssert.Reachable(result);
    }

    [Theory]
    [InlineData(ProbeKind.TcpEcho, false)]
    [InlineData(ProbeKind.TcpEcho, true)]
    [InlineData(ProbeKind.UdpEcho, false)]
    [InlineData(ProbeKind.UdpEcho, true)]
    [InlineData(ProbeKind.Ping, false)]
    [InlineData(ProbeKind.Ping, true)]
    public async Task Probe_NodeLoopback_Reachable(ProbeKind kind, bool ipv6)
    {
        await _killswitch.ApplyAsync(Block);

        var result = await _killswitch.ProbeAsync(
            Lab.Node, kind, ipv6 ? IPAddress.IPv6Loopback : IPAddress.Loopback, LabPorts.Echo, ProbeAssert.Patient);

        ProbeAssert.Reachable(result);
    }
}
