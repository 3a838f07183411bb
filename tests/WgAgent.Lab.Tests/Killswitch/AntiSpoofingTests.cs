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
    : IClassFixture<AntiSpoofingFixture>, IAsyncLifetime
{
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
    public async Task Probe_LanToTunnelAddressOverLanLink_DroppedAndCounted(ProbeKind kind, bool ipv6)
    {
        var target = LabAddresses.Node.Tunnel(ipv6);
        await _killswitch.RemoveAsync();
        var control = await _killswitch.ProbeAsync(Lab.Lan, kind, target, LabPorts.Echo, ProbeAssert.Patient);
        await _killswitch.ApplyAsync(Posture.Default);
        var before = await _killswitch.PacketsAsync(NftCounters.DroppedSpoofed);
        var since = DateTimeOffset.UtcNow;

        var blocked = await _killswitch.ProbeAsync(Lab.Lan, kind, target, LabPorts.Echo, ProbeAssert.Brief);

        ProbeAssert.Reachable(control);
        ProbeAssert.Blocked(blocked);
        Assert.True(await _killswitch.PacketsAsync(NftCounters.DroppedSpoofed) > before, "dropped_spoofed did not count it");
        Assert.DoesNotContain(fixture.TunnelListener.Hits, h => h.At >= since && h.Remote.Address.Equals(LabAddresses.Lan.Underlay(ipv6)));
    }

    [Theory]
    [InlineData(ProbeKind.TcpEcho, false)]
    [InlineData(ProbeKind.TcpEcho, true)]
    [InlineData(ProbeKind.UdpEcho, false)]
    [InlineData(ProbeKind.UdpEcho, true)]
    [InlineData(ProbeKind.Ping, false)]
    [InlineData(ProbeKind.Ping, true)]
    public async Task Probe_MonitorToTunnelAddressOverWg0_Reachable(ProbeKind kind, bool ipv6)
    {
        await _killswitch.ApplyAsync(Posture.Default);

        var result = await _killswitch.ProbeAsync(Lab.Monitor, kind, LabAddresses.Node.Tunnel(ipv6), LabPorts.Echo, ProbeAssert.Patient);

        ProbeAssert.Reachable(result);
    }
}
