using WgAgent.Core.Firewall;
using WgAgent.Lab.Addressing;
using WgAgent.Lab.Probes;
using WgAgent.Lab.Tests.Killswitch.Support;
using Xunit.Abstractions;

namespace WgAgent.Lab.Tests.Killswitch;

/// <summary>
/// CVE-2019-14899: a packet for node's tunnel address that arrives on its LAN link is dropped, even in the most
/// open posture (the defaults), while the same address over wg0 still answers.
/// </summary>
[Trait("lab", "killswitch")]
public sealed class AntiSpoofingTests(AntiSpoofingFixture fixture, ITestOutputHelper output)
    : KillswitchLabTests<AntiSpoofingFixture>(fixture, output)
{
    [Theory]
    [MemberData(nameof(ProbeMatrix.KindsAndFamilies), MemberType = typeof(ProbeMatrix))]
    public async Task Probe_LanToTunnelAddressOverLanLink_DroppedAndCounted(ProbeKind kind, bool ipv6)
    {
        var target = LabAddresses.Node.Tunnel(ipv6);

        var probe = await Killswitch.BlockedAfterControlAsync(
            Lab.Lan, kind, target, LabPorts.Echo, Posture.Default, ProbeAssert.Brief, NftCounters.DroppedSpoofed);

        probe.AssertBlocked(ProbeAssert.Blocked);
        Assert.DoesNotContain(Fixture.TunnelListener.Hits, h => h.At >= probe.Since && h.Remote.Address.Equals(LabAddresses.Lan.Underlay(ipv6)));
    }

    [Theory]
    [MemberData(nameof(ProbeMatrix.KindsAndFamilies), MemberType = typeof(ProbeMatrix))]
    public async Task Probe_MonitorToTunnelAddressOverWg0_Reachable(ProbeKind kind, bool ipv6)
    {
        await Killswitch.ApplyAsync(Posture.Default);

        var result = await Killswitch.ProbeAsync(Lab.Monitor, kind, LabAddresses.Node.Tunnel(ipv6), LabPorts.Echo, ProbeAssert.Patient);

        ProbeAssert.Reachable(result);
    }
}
