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
    : KillswitchLabTests<EgressTunnelFixture>(fixture, output)
{
    private static readonly Posture Tunnel = new()
    {
        Egress = "tunnel",
        AllowLan = [new IPNetwork(LabAddresses.Lan.V4, 32), new IPNetwork(LabAddresses.Lan.V6, 128)],
        Dns = [LabAddresses.InetDnsA.V4, LabAddresses.InetDnsA.V6],
    };

    [Theory]
    [MemberData(nameof(ProbeMatrix.KindsAndFamilies), MemberType = typeof(ProbeMatrix))]
    public async Task Probe_NodeToInet_RejectedFastAndCounted(ProbeKind kind, bool ipv6)
    {
        var target = LabAddresses.Inet.Underlay(ipv6);

        var probe = await Killswitch.BlockedAfterControlAsync(
            Lab.Node, kind, target, LabPorts.Echo, Tunnel, ProbeAssert.Patient, NftCounters.RejectedOutput);

        probe.AssertBlocked(ProbeAssert.RejectedFast);
        Assert.DoesNotContain(Lab.InetEcho.Hits, h => h.At >= probe.Since && h.Remote.Address.Equals(LabAddresses.Node.Underlay(ipv6)));
    }

    [Theory]
    [MemberData(nameof(ProbeMatrix.KindsAndFamilies), MemberType = typeof(ProbeMatrix))]
    public async Task Probe_NodeToMonitorOverTunnel_Reachable(ProbeKind kind, bool ipv6)
    {
        await Killswitch.ApplyAsync(Tunnel);

        var result = await Killswitch.ProbeAsync(Lab.Node, kind, LabAddresses.Monitor.Tunnel(ipv6), LabPorts.Echo, ProbeAssert.Patient);

        ProbeAssert.Reachable(result);
    }

    [Fact]
    public async Task Handshake_PeerReAddedUnderThePolicy_CompletesAndCarriesTraffic()
    {
        await Killswitch.ApplyAsync(Tunnel);
        var monitor = Lab.NodeTunnel.Peers.Single(p => p.PublicKey == Lab.MonitorTunnel.Keys.PublicKey);
        var reAdded = await Lab.Node.ReAddPeerAsync(monitor);

        var ping = await Killswitch.ProbeAsync(Lab.Node, ProbeKind.Ping, LabAddresses.Monitor.RequiredTunnelV4, 0, TimeSpan.FromSeconds(5));
        var handshake = await Lab.Node.WaitForHandshakeAsync(monitor.PublicKey, TimeSpan.FromSeconds(5));

        ProbeAssert.Reachable(ping);
        Assert.True(handshake >= reAdded, $"handshake at {handshake:o} is older than the re-added peer ({reAdded:o})");
        Output.WriteLine($"fresh handshake at {handshake:o}");
    }

    [Theory]
    [MemberData(nameof(ProbeMatrix.EchoKindsAndFamilies), MemberType = typeof(ProbeMatrix))]
    public async Task Probe_NodeToAllowedResolverPort53_Reachable(ProbeKind kind, bool ipv6)
    {
        await Killswitch.ApplyAsync(Tunnel);

        var result = await Killswitch.ProbeAsync(Lab.Node, kind, LabAddresses.InetDnsA.Underlay(ipv6), LabPorts.Dns, ProbeAssert.Patient);

        ProbeAssert.Reachable(result);
    }

    [Theory]
    [MemberData(nameof(ProbeMatrix.EchoKindsAndFamilies), MemberType = typeof(ProbeMatrix))]
    public async Task Probe_NodeToOtherResolverPort53_RejectedFastAndCounted(ProbeKind kind, bool ipv6)
    {
        var target = LabAddresses.InetDnsB.Underlay(ipv6);

        var probe = await Killswitch.BlockedAfterControlAsync(
            Lab.Node, kind, target, LabPorts.Dns, Tunnel, ProbeAssert.Patient, NftCounters.RejectedDns);

        probe.AssertBlocked(ProbeAssert.RejectedFast);
    }

    [Theory]
    [MemberData(nameof(ProbeMatrix.KindsAndFamilies), MemberType = typeof(ProbeMatrix))]
    public async Task Probe_NodeToAllowLanHost_Reachable(ProbeKind kind, bool ipv6)
    {
        await Killswitch.ApplyAsync(Tunnel);

        var result = await Killswitch.ProbeAsync(Lab.Node, kind, LabAddresses.Lan.Underlay(ipv6), LabPorts.Echo, ProbeAssert.Patient);

        ProbeAssert.Reachable(result);
    }

    [Theory]
    [MemberData(nameof(ProbeMatrix.KindsAndFamilies), MemberType = typeof(ProbeMatrix))]
    public async Task Probe_NodeToLanHostOutsideAllowLan_RejectedFast(ProbeKind kind, bool ipv6)
    {
        var target = LabAddresses.RouterLan.Underlay(ipv6);

        var probe = await Killswitch.BlockedAfterControlAsync(Lab.Node, kind, target, LabPorts.Echo, Tunnel, ProbeAssert.Patient);

        probe.AssertBlocked(ProbeAssert.RejectedFast);
    }
}
