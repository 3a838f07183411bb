using System.Net;
using WgAgent.Core.Firewall;
using WgAgent.Lab.Addressing;
using WgAgent.Lab.Probes;
using WgAgent.Lab.Tests.Killswitch.Support;
using WgAgent.Lab.WireGuard;
using Xunit.Abstractions;

namespace WgAgent.Lab.Tests.Killswitch;

/// <summary>
/// egress = "tunnel" (seed 002, a VPN-routed host): nothing leaves node except through wg0, WireGuard's own UDP, the
/// allow_lan host and the allowed resolver. Every "blocked" probe is first made without the table, where it succeeds.
/// </summary>
[Trait("lab", "killswitch")]
public sealed class EgressTunnelTests(EgressTunnelFixture fixture, ITestOutputHelper output)
    : IClassFixture<EgressTunnelFixture>, IAsyncLifetime
{
    private static readonly Posture Tunnel = new()
    {
        Egress = "tunnel",
        AllowLan = [new IPNetwork(LabAddresses.Lan.V4, 32), new IPNetwork(LabAddresses.Lan.V6, 128)],
        Dns = [LabAddresses.InetDnsA.V4, LabAddresses.InetDnsA.V6],
    };

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
    public async Task Probe_NodeToInet_RejectedFastAndCounted(ProbeKind kind, bool ipv6)
    {
        var target = LabAddresses.Inet.Underlay(ipv6);
        await _killswitch.RemoveAsync();
        var control = await _killswitch.ProbeAsync(Lab.Node, kind, target, LabPorts.Echo, ProbeAssert.Patient);
        await _killswitch.ApplyAsync(Tunnel);
        var before = await _killswitch.PacketsAsync(NftCounters.RejectedOutput);
        var since = DateTimeOffset.UtcNow;

        var blocked = await _killswitch.ProbeAsync(Lab.Node, kind, target, LabPorts.Echo, ProbeAssert.Patient);

        ProbeAssert.Reachable(control);
        ProbeAssert.RejectedFast(blocked);
        Assert.True(await _killswitch.PacketsAsync(NftCounters.RejectedOutput) > before, "rejected_output did not count it");
        Assert.DoesNotContain(Lab.InetEcho.Hits, h => h.At >= since && h.Remote.Address.Equals(LabAddresses.Node.Underlay(ipv6)));
    }

    [Theory]
    [InlineData(ProbeKind.TcpEcho, false)]
    [InlineData(ProbeKind.TcpEcho, true)]
    [InlineData(ProbeKind.UdpEcho, false)]
    [InlineData(ProbeKind.UdpEcho, true)]
    [InlineData(ProbeKind.Ping, false)]
    [InlineData(ProbeKind.Ping, true)]
    public async Task Probe_NodeToMonitorOverTunnel_Reachable(ProbeKind kind, bool ipv6)
    {
        await _killswitch.ApplyAsync(Tunnel);

        var result = await _killswitch.ProbeAsync(Lab.Node, kind, LabAddresses.Monitor.Tunnel(ipv6), LabPorts.Echo, ProbeAssert.Patient);

        ProbeAssert.Reachable(result);
    }

    [Fact]
    public async Task Handshake_PeerReAddedUnderThePolicy_CompletesAndCarriesTraffic()
    {
        await _killswitch.ApplyAsync(Tunnel);
        var monitor = Lab.NodeTunnel.Peers.Single(p => p.PublicKey == Lab.MonitorTunnel.Keys.PublicKey);
        // wg reports whole seconds; removing the peer wipes its session, so any handshake it reports later is new.
        var reAdded = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        await Lab.Node.ReAddPeerAsync(monitor);

        var ping = await _killswitch.ProbeAsync(Lab.Node, ProbeKind.Ping, LabAddresses.Monitor.RequiredTunnelV4, 0, TimeSpan.FromSeconds(5));
        var handshake = await Lab.Node.WaitForHandshakeAsync(monitor.PublicKey, TimeSpan.FromSeconds(5));

        ProbeAssert.Reachable(ping);
        Assert.True(handshake >= reAdded, $"handshake at {handshake:o} is older than the re-added peer ({reAdded:o})");
        output.WriteLine($"fresh handshake at {handshake:o}");
    }

    [Theory]
    [InlineData(ProbeKind.TcpEcho, false)]
    [InlineData(ProbeKind.TcpEcho, true)]
    [InlineData(ProbeKind.UdpEcho, false)]
    [InlineData(ProbeKind.UdpEcho, true)]
    public async Task Probe_NodeToAllowedResolverPort53_Reachable(ProbeKind kind, bool ipv6)
    {
        await _killswitch.ApplyAsync(Tunnel);

        var result = await _killswitch.ProbeAsync(Lab.Node, kind, LabAddresses.InetDnsA.Underlay(ipv6), LabPorts.Dns, ProbeAssert.Patient);

        ProbeAssert.Reachable(result);
    }

    [Theory]
    [InlineData(ProbeKind.TcpEcho, false)]
    [InlineData(ProbeKind.TcpEcho, true)]
    [InlineData(ProbeKind.UdpEcho, false)]
    [InlineData(ProbeKind.UdpEcho, true)]
    public async Task Probe_NodeToOtherResolverPort53_RejectedFastAndCounted(ProbeKind kind, bool ipv6)
    {
        var target = LabAddresses.InetDnsB.Underlay(ipv6);
        await _killswitch.RemoveAsync();
        var control = await _killswitch.ProbeAsync(Lab.Node, kind, target, LabPorts.Dns, ProbeAssert.Patient);
        await _killswitch.ApplyAsync(Tunnel);
        var before = await _killswitch.PacketsAsync(NftCounters.RejectedDns);

        var blocked = await _killswitch.ProbeAsync(Lab.Node, kind, target, LabPorts.Dns, ProbeAssert.Patient);

        ProbeAssert.Reachable(control);
        ProbeAssert.RejectedFast(blocked);
        Assert.True(await _killswitch.PacketsAsync(NftCounters.RejectedDns) > before, "rejected_dns did not count it");
    }

    [Theory]
    [InlineData(ProbeKind.TcpEcho, false)]
    [InlineData(ProbeKind.TcpEcho, true)]
    [InlineData(ProbeKind.UdpEcho, false)]
    [InlineData(ProbeKind.UdpEcho, true)]
    [InlineData(ProbeKind.Ping, false)]
    [InlineData(ProbeKind.Ping, true)]
    public async Task Probe_NodeToAllowLanHost_Reachable(ProbeKind kind, bool ipv6)
    {
        await _killswitch.ApplyAsync(Tunnel);

        var result = await _killswitch.ProbeAsync(Lab.Node, kind, LabAddresses.Lan.Underlay(ipv6), LabPorts.Echo, ProbeAssert.Patient);

        ProbeAssert.Reachable(result);
    }

    [Theory]
    [InlineData(ProbeKind.TcpEcho, false)]
    [InlineData(ProbeKind.TcpEcho, true)]
    [InlineData(ProbeKind.UdpEcho, false)]
    [InlineData(ProbeKind.UdpEcho, true)]
    [InlineData(ProbeKind.Ping, false)]
    [InlineData(ProbeKind.Ping, true)]
    public async Task Probe_NodeToLanHostOutsideAllowLan_RejectedFast(ProbeKind kind, bool ipv6)
    {
        var target = LabAddresses.RouterLan.Underlay(ipv6);
        await _killswitch.RemoveAsync();
        var control = await _killswitch.ProbeAsync(Lab.Node, kind, target, LabPorts.Echo, ProbeAssert.Patient);
        await _killswitch.ApplyAsync(Tunnel);

        var blocked = await _killswitch.ProbeAsync(Lab.Node, kind, target, LabPorts.Echo, ProbeAssert.Patient);

        ProbeAssert.Reachable(control);
        ProbeAssert.RejectedFast(blocked);
    }
}
