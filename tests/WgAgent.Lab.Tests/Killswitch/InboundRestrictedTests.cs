using WgAgent.Core.Firewall;
using WgAgent.Lab.Addressing;
using WgAgent.Lab.Probes;
using WgAgent.Lab.Tests.Killswitch.Support;
using WgAgent.Lab.WireGuard;
using Xunit.Abstractions;

namespace WgAgent.Lab.Tests.Killswitch;

/// <summary>
/// inbound = "restricted": only allow_inbound (tcp/22), the exporters and WireGuard's port take unsolicited traffic;
/// replies to what node opened still come back.
/// </summary>
[Trait("lab", "killswitch")]
public sealed class InboundRestrictedTests(InboundRestrictedFixture fixture, ITestOutputHelper output)
    : KillswitchLabTests<InboundRestrictedFixture>(fixture, output)
{
    private static readonly Posture Restricted = new() { Inbound = "restricted", AllowInbound = [$"tcp/{LabPorts.Ssh}"] };

    [Theory]
    [InlineData("lan", false)]
    [InlineData("lan", true)]
    [InlineData("inet", false)]
    [InlineData("inet", true)]
    public async Task TcpEcho_ToAllowedInboundPort_Reachable(string source, bool ipv6)
    {
        await Killswitch.ApplyAsync(Restricted);

        var result = await Killswitch.ProbeAsync(
            Lab.Hosts.Single(h => h.Name == source), ProbeKind.TcpEcho, LabAddresses.Node.Underlay(ipv6), LabPorts.Ssh, ProbeAssert.Patient);

        ProbeAssert.Reachable(result);
    }

    [Theory]
    [InlineData("lan", ProbeKind.TcpEcho)]
    [InlineData("lan", ProbeKind.UdpEcho)]
    [InlineData("lan", ProbeKind.Ping)]
    [InlineData("inet", ProbeKind.TcpEcho)]
    [InlineData("inet", ProbeKind.UdpEcho)]
    [InlineData("inet", ProbeKind.Ping)]
    public async Task Probe_ToOtherListenedPort_DroppedAndCounted(string source, ProbeKind kind)
    {
        var from = Lab.Hosts.Single(h => h.Name == source);

        var probe = await Killswitch.BlockedAfterControlAsync(
            Restricted, ProbeAssert.Brief, NftCounters.DroppedInput, timeout => ProbeBothFamiliesAsync(from, kind, timeout));

        probe.AssertBlocked(ProbeAssert.Blocked);
        Assert.DoesNotContain(Fixture.NodeListeners.Hits, h => h.At >= probe.Since && h.Local.Port == LabPorts.OtherService);
    }

    [Theory]
    [MemberData(nameof(ProbeMatrix.KindsAndFamilies), MemberType = typeof(ProbeMatrix))]
    public async Task Probe_NodeToInet_RepliesArrive(ProbeKind kind, bool ipv6)
    {
        await Killswitch.ApplyAsync(Restricted);

        var result = await Killswitch.ProbeAsync(Lab.Node, kind, LabAddresses.Inet.Underlay(ipv6), LabPorts.Echo, ProbeAssert.Patient);

        ProbeAssert.Reachable(result);
    }

    [Fact]
    public async Task Handshake_MonitorStartsAFreshOne_ListenPortAnswers()
    {
        await Killswitch.ApplyAsync(Restricted);
        var node = Lab.MonitorTunnel.Peers.Single(p => p.PublicKey == Lab.NodeTunnel.Keys.PublicKey);
        var reAdded = await Lab.Monitor.ReAddPeerAsync(node);

        // The scraper's connection is the first packet monitor sends: it makes monitor initiate the handshake, to
        // node's listen port.
        var scrape = await Killswitch.ProbeAsync(
            Lab.Monitor, ProbeKind.TcpConnect, LabAddresses.Node.RequiredTunnelV4, LabPorts.NodeExporter, TimeSpan.FromSeconds(5));
        var handshake = await Lab.Monitor.WaitForHandshakeAsync(node.PublicKey, TimeSpan.FromSeconds(5));

        ProbeAssert.Reachable(scrape);
        Assert.True(handshake >= reAdded, $"handshake at {handshake:o} is older than the re-added peer ({reAdded:o})");
        Output.WriteLine($"monitor's fresh handshake with node at {handshake:o}");
    }

    private async Task<ProbeResult[]> ProbeBothFamiliesAsync(Hosts.LabHost from, ProbeKind kind, TimeSpan timeout) =>
        await Task.WhenAll(new[] { false, true }.Select(ipv6 =>
            Killswitch.ProbeAsync(from, kind, LabAddresses.Node.Underlay(ipv6), LabPorts.OtherService, timeout)));
}
