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
    : IClassFixture<InboundRestrictedFixture>, IAsyncLifetime
{
    private static readonly Posture Restricted = new() { Inbound = "restricted", AllowInbound = [$"tcp/{LabPorts.Ssh}"] };
    private readonly NodeKillswitch _killswitch = new(fixture.Lab, output);

    private Lab Lab => fixture.Lab;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _killswitch.RemoveAsync();

    [Theory]
    [InlineData("lan", false)]
    [InlineData("lan", true)]
    [InlineData("inet", false)]
    [InlineData("inet", true)]
    public async Task TcpEcho_ToAllowedInboundPort_Reachable(string source, bool ipv6)
    {
        await _killswitch.ApplyAsync(Restricted);

        var result = await _killswitch.ProbeAsync(
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
        await _killswitch.RemoveAsync();
        var controls = await ProbeBothFamiliesAsync(from, kind, ProbeAssert.Patient);
        await _killswitch.ApplyAsync(Restricted);
        var before = await _killswitch.PacketsAsync(NftCounters.DroppedInput);
        var since = DateTimeOffset.UtcNow;

        var blocked = await ProbeBothFamiliesAsync(from, kind, ProbeAssert.Brief);

        Assert.All(controls, ProbeAssert.Reachable);
        Assert.All(blocked, ProbeAssert.Blocked);
        Assert.True(await _killswitch.PacketsAsync(NftCounters.DroppedInput) > before, "dropped_input did not count them");
        Assert.DoesNotContain(fixture.NodeListeners.Hits, h => h.At >= since && h.Local.Port == LabPorts.OtherService);
    }

    [Theory]
    [InlineData(ProbeKind.TcpEcho, false)]
    [InlineData(ProbeKind.TcpEcho, true)]
    [InlineData(ProbeKind.UdpEcho, false)]
    [InlineData(ProbeKind.UdpEcho, true)]
    [InlineData(ProbeKind.Ping, false)]
    [InlineData(ProbeKind.Ping, true)]
    public async Task Probe_NodeToInet_RepliesArrive(ProbeKind kind, bool ipv6)
    {
        await _killswitch.ApplyAsync(Restricted);

        var result = await _killswitch.ProbeAsync(Lab.Node, kind, LabAddresses.Inet.Underlay(ipv6), LabPorts.Echo, ProbeAssert.Patient);

        ProbeAssert.Reachable(result);
    }

    [Fact]
    public async Task Handshake_MonitorStartsAFreshOne_ListenPortAnswers()
    {
        await _killswitch.ApplyAsync(Restricted);
        var node = Lab.MonitorTunnel.Peers.Single(p => p.PublicKey == Lab.NodeTunnel.Keys.PublicKey);
        // wg reports whole seconds; removing the peer wipes its session, so any handshake it reports later is new.
        var reAdded = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        await Lab.Monitor.ReAddPeerAsync(node);

        // The scraper's connection is the first packet monitor sends: it makes monitor initiate the handshake, to
        // node's listen port.
        var scrape = await _killswitch.ProbeAsync(
            Lab.Monitor, ProbeKind.TcpConnect, LabAddresses.Node.RequiredTunnelV4, LabPorts.NodeExporter, TimeSpan.FromSeconds(5));
        var handshake = await Lab.Monitor.WaitForHandshakeAsync(node.PublicKey, TimeSpan.FromSeconds(5));

        ProbeAssert.Reachable(scrape);
        Assert.True(handshake >= reAdded, $"handshake at {handshake:o} is older than the re-added peer ({reAdded:o})");
        output.WriteLine($"monitor's fresh handshake with node at {handshake:o}");
    }

    private async Task<ProbeResult[]> ProbeBothFamiliesAsync(Hosts.LabHost from, ProbeKind kind, TimeSpan timeout) =>
        await Task.WhenAll(new[] { false, true }.Select(ipv6 =>
            _killswitch.ProbeAsync(from, kind, LabAddresses.Node.Underlay(ipv6), LabPorts.OtherService, timeout)));
}
