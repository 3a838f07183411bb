using WgAgent.Core.Firewall;
using WgAgent.Lab.Addressing;
using WgAgent.Lab.Probes;
using WgAgent.Lab.Tests.Killswitch.Support;
using Xunit.Abstractions;

namespace WgAgent.Lab.Tests.Killswitch;

/// <summary>
/// forward = "tunnel": what node forwards for its guest (a container, a VM) leaves only through wg0, never through
/// node's LAN link. Node's own egress stays open here, so only the forward chain is on trial.
/// </summary>
[Trait("lab", "killswitch")]
public sealed class ForwardTunnelTests(ForwardTunnelFixture fixture, ITestOutputHelper output)
    : IClassFixture<ForwardTunnelFixture>, IAsyncLifetime
{
    private static readonly Posture ForwardOpen = new() { Forward = "open" };
    private static readonly Posture ForwardTunnel = new() { Forward = "tunnel" };
    private readonly NodeKillswitch _killswitch = new(fixture.Lab, output);

    private Lab Lab => fixture.Lab;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _killswitch.RemoveAsync();

    [Theory]
    [InlineData(ProbeKind.TcpEcho, false)]
    [InlineData(ProbeKind.TcpEcho, true)]
    [InlineData(ProbeKind.UdpEcho, false)]
    [InlineData(ProbeKind.UdpEcho, true)]
    [InlineData(ProbeKind.Ping, false)]
    [InlineData(ProbeKind.Ping, true)]
    public async Task Probe_GuestToInet_ForwardOpenPasses_ForwardTunnelDropsAndCounts(ProbeKind kind, bool ipv6)
    {
        var target = LabAddresses.Inet.Underlay(ipv6);
        var guest = LabAddresses.Guest.Underlay(ipv6);
        await _killswitch.ApplyAsync(ForwardOpen);
        var controlSince = DateTimeOffset.UtcNow;
        var control = await _killswitch.ProbeAsync(fixture.Guest, kind, target, LabPorts.Echo, ProbeAssert.Patient);
        await _killswitch.ApplyAsync(ForwardTunnel);
        var before = await _killswitch.PacketsAsync(NftCounters.DroppedForward);
        var since = DateTimeOffset.UtcNow;

        var blocked = await _killswitch.ProbeAsync(fixture.Guest, kind, target, LabPorts.Echo, ProbeAssert.Brief);

        ProbeAssert.Reachable(control);
        if (kind != ProbeKind.Ping)
        {
            // Routed, not NATed: inet saw the guest's own address, so this was forwarded traffic, not node's.
            Assert.Contains(Lab.InetEcho.Hits, h => h.At >= controlSince && h.At < since && h.Remote.Address.Equals(guest));
        }

        ProbeAssert.Blocked(blocked);
        Assert.True(await _killswitch.PacketsAsync(NftCounters.DroppedForward) > before, "dropped_forward did not count it");
        Assert.DoesNotContain(Lab.InetEcho.Hits, h => h.At >= since && h.Remote.Address.Equals(guest));
    }

    [Theory]
    [InlineData(ProbeKind.TcpEcho, false)]
    [InlineData(ProbeKind.TcpEcho, true)]
    [InlineData(ProbeKind.UdpEcho, false)]
    [InlineData(ProbeKind.UdpEcho, true)]
    [InlineData(ProbeKind.Ping, false)]
    [InlineData(ProbeKind.Ping, true)]
    public async Task Probe_GuestToMonitorOverTunnel_ForwardTunnel_Reachable(ProbeKind kind, bool ipv6)
    {
        await _killswitch.ApplyAsync(ForwardTunnel);

        var result = await _killswitch.ProbeAsync(fixture.Guest, kind, LabAddresses.Monitor.Tunnel(ipv6), LabPorts.Echo, ProbeAssert.Patient);

        ProbeAssert.Reachable(result);
    }
}
