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
    : KillswitchLabTests<ForwardTunnelFixture>(fixture, output)
{
    private static readonly Posture ForwardOpen = new() { Forward = "open" };
    private static readonly Posture ForwardTunnel = new() { Forward = "tunnel" };

    [Theory]
    [MemberData(nameof(ProbeMatrix.KindsAndFamilies), MemberType = typeof(ProbeMatrix))]
    public async Task Probe_GuestToInet_ForwardOpenPasses_ForwardTunnelDropsAndCounts(ProbeKind kind, bool ipv6)
    {
        var target = LabAddresses.Inet.Underlay(ipv6);
        var guest = LabAddresses.Guest.Underlay(ipv6);
        await Killswitch.ApplyAsync(ForwardOpen);
        var controlSince = DateTimeOffset.UtcNow;
        var control = await Killswitch.ProbeAsync(Fixture.Guest, kind, target, LabPorts.Echo, ProbeAssert.Patient);
        await Killswitch.ApplyAsync(ForwardTunnel);
        var before = await Killswitch.PacketsAsync(NftCounters.DroppedForward);
        var since = DateTimeOffset.UtcNow;

        var blocked = await Killswitch.ProbeAsync(Fixture.Guest, kind, target, LabPorts.Echo, ProbeAssert.Brief);

        ProbeAssert.Reachable(control);
        if (kind != ProbeKind.Ping)
        {
            // Routed, not NATed: inet saw the guest's own address, so this was forwarded traffic, not node's.
            Assert.Contains(Lab.InetEcho.Hits, h => h.At >= controlSince && h.At < since && h.Remote.Address.Equals(guest));
        }

        ProbeAssert.Blocked(blocked);
        Assert.True(await Killswitch.PacketsAsync(NftCounters.DroppedForward) > before, "dropped_forward did not count it");
        Assert.DoesNotContain(Lab.InetEcho.Hits, h => h.At >= since && h.Remote.Address.Equals(guest));
    }

    [Theory]
    [MemberData(nameof(ProbeMatrix.KindsAndFamilies), MemberType = typeof(ProbeMatrix))]
    public async Task Probe_GuestToMonitorOverTunnel_ForwardTunnel_Reachable(ProbeKind kind, bool ipv6)
    {
        await Killswitch.ApplyAsync(ForwardTunnel);

        var result = await Killswitch.ProbeAsync(Fixture.Guest, kind, LabAddresses.Monitor.Tunnel(ipv6), LabPorts.Echo, ProbeAssert.Patient);

        ProbeAssert.Reachable(result);
    }
}
