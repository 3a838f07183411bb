using System.Net;
using WgAgent.Core.Firewall;
using WgAgent.Lab.Addressing;
using WgAgent.Lab.Hosts;
using WgAgent.Lab.Nftables;
using WgAgent.Lab.Probes;
using WgAgent.Lab.Tests.Killswitch.Support;
using Xunit.Abstractions;

namespace WgAgent.Lab.Tests.Killswitch;

/// <summary>
/// The real <c>wgagent killswitch up|down</c> inside node: it applies what the configs say, removes it again, and
/// when a config is broken it fails closed — the last verified table if there is one, else block-all; never nothing.
/// </summary>
[Trait("lab", "killswitch")]
public sealed class KillswitchCommandTests(KillswitchCommandFixture fixture, ITestOutputHelper output)
    : KillswitchLabTests<KillswitchCommandFixture>(fixture, output)
{
    private const string BrokenAgentConfig = "wgagent.toml";
    private const string BrokenTunnelConfig = "wg0.conf";
    private static readonly Posture Tunnel = new() { Egress = "tunnel" };
    private static readonly ProbeKind[] Kinds = [ProbeKind.TcpEcho, ProbeKind.UdpEcho, ProbeKind.Ping];
    private readonly AgentFiles _files = AgentFiles.Create();

    public override async Task InitializeAsync()
    {
        await Killswitch.RemoveAsync();
        _files.WriteConfig(Tunnel);
        _files.WriteTunnel(Lab.NodeTunnel.ToWgQuickConfig());
    }

    public override async Task DisposeAsync()
    {
        _files.Dispose();
        await base.DisposeAsync();
    }

    [Theory]
    [MemberData(nameof(ProbeMatrix.Kinds), MemberType = typeof(ProbeMatrix))]
    public async Task Up_EgressTunnel_VerifiedTableRejectsInetAndPassesTheTunnel(ProbeKind kind)
    {
        var controls = await ProbeAsync(Lab.Node, [kind], Inet, ProbeAssert.Patient);

        var up = await WgAgentProgram.UpAsync(Lab.Node, _files, Output);
        var blocked = await ProbeAsync(Lab.Node, [kind], Inet, ProbeAssert.Patient);
        var tunnel = await ProbeAsync(Lab.Node, [kind], MonitorTunnel, ProbeAssert.Patient);

        Assert.All(controls, ProbeAssert.Reachable);
        Assert.True(up.Succeeded, up.Describe());
        await AssertTableAsync(Killswitch.Render(Tunnel), "the computed table");
        Assert.All(blocked, ProbeAssert.RejectedFast);
        Assert.All(tunnel, ProbeAssert.Reachable);
    }

    [Theory]
    [MemberData(nameof(ProbeMatrix.Kinds), MemberType = typeof(ProbeMatrix))]
    public async Task Down_AfterUp_NodeReachesInetAgain(ProbeKind kind)
    {
        var up = await WgAgentProgram.UpAsync(Lab.Node, _files, Output);
        var blocked = await ProbeAsync(Lab.Node, [kind], Inet, ProbeAssert.Patient);

        var down = await WgAgentProgram.DownAsync(Lab.Node, _files, Output);
        var reopened = await ProbeAsync(Lab.Node, [kind], Inet, ProbeAssert.Patient);

        Assert.True(up.Succeeded, up.Describe());
        Assert.All(blocked, ProbeAssert.Blocked);
        Assert.True(down.Succeeded, down.Describe());
        Assert.Null(await Lab.Node.ListNftTableAsync(NftRuleset.Family, NftRuleset.TableName));
        Assert.All(reopened, ProbeAssert.Reachable);
    }

    [Theory]
    [InlineData(BrokenAgentConfig)]
    [InlineData(BrokenTunnelConfig)]
    public async Task Up_BrokenConfigAndNoLastGood_BlockAllAndOnlyLoopbackPasses(string broken)
    {
        var controls = await ProbeAsync(Lab.Node, Kinds, [.. Inet, .. MonitorTunnel], ProbeAssert.Patient);
        Break(broken);

        await WgAgentProgram.UpAsync(Lab.Node, _files, Output);
        var blocked = await ProbeAsync(Lab.Node, Kinds, [.. Inet, .. MonitorTunnel], ProbeAssert.Patient);
        var loopback = await ProbeAsync(Lab.Node, Kinds, [IPAddress.Loopback, IPAddress.IPv6Loopback], ProbeAssert.Patient);

        Assert.All(controls, ProbeAssert.Reachable);
        await AssertTableAsync(NftRuleset.BlockAllTable, "block-all");
        Assert.All(blocked, ProbeAssert.Blocked);
        Assert.All(loopback, ProbeAssert.Reachable);
        Assert.False(File.Exists(Path.Combine(_files.StateDirectory, "last-good.nft")), "a broken config must not become last-good");
    }

    [Theory]
    [InlineData(BrokenAgentConfig)]
    [InlineData(BrokenTunnelConfig)]
    public async Task Up_BrokenConfigAfterAGoodRun_LoadsTheLastGoodTable(string broken)
    {
        var good = await WgAgentProgram.UpAsync(Lab.Node, _files, Output);
        await Killswitch.RemoveAsync();
        var controls = await ProbeAsync(Lab.Node, Kinds, Inet, ProbeAssert.Patient);
        Break(broken);

        await WgAgentProgram.UpAsync(Lab.Node, _files, Output);
        var blocked = await ProbeAsync(Lab.Node, Kinds, Inet, ProbeAssert.Patient);
        var tunnel = await ProbeAsync(Lab.Node, Kinds, MonitorTunnel, ProbeAssert.Patient);

        Assert.True(good.Succeeded, good.Describe());
        Assert.All(controls, ProbeAssert.Reachable);
        await AssertTableAsync(Killswitch.Render(Tunnel), "the last verified (egress = tunnel) table");
        Assert.All(blocked, ProbeAssert.Blocked);
        // Not block-all: the last verified table lets the tunnel through.
        Assert.All(tunnel, ProbeAssert.Reachable);
    }

    private static IPAddress[] Inet => [LabAddresses.Inet.V4, LabAddresses.Inet.V6];

    private static IPAddress[] MonitorTunnel => [LabAddresses.Monitor.RequiredTunnelV4, LabAddresses.Monitor.RequiredTunnelV6];

    /// <summary>Breaks one of the two files the way an editing slip would: a TOML syntax error, a wg0.conf value out
    /// of range.</summary>
    private void Break(string which)
    {
        if (which == BrokenAgentConfig)
        {
            File.AppendAllText(_files.ConfigPath, "\n[killswitch\negress = \n");
        }
        else
        {
            _files.WriteTunnel(Lab.NodeTunnel.ToWgQuickConfig().Replace($"ListenPort = {LabPorts.WireGuard}", "ListenPort = 70000", StringComparison.Ordinal));
        }

        Output.WriteLine($"broke {which}");
    }

    private async Task AssertTableAsync(string expected, string what)
    {
        var listing = await Lab.Node.ListNftTableAsync(NftRuleset.Family, NftRuleset.TableName);
        Assert.True(listing is not null && NftListing.Matches(listing, expected),
            $"table inet wgagent is not {what}: {(listing is null ? "missing" : NftListing.FirstDifference(listing, expected))}");
    }

    private async Task<ProbeResult[]> ProbeAsync(LabHost from, IEnumerable<ProbeKind> kinds, IEnumerable<IPAddress> targets, TimeSpan timeout) =>
        await Task.WhenAll(kinds.SelectMany(k => targets.Select(t => Killswitch.ProbeAsync(from, k, t, LabPorts.Echo, timeout))));
}
