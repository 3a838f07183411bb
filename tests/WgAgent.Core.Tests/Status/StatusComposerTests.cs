using System.Net;
using WgAgent.Core.Diagnostics;
using WgAgent.Core.Exporters;
using WgAgent.Core.Firewall;
using WgAgent.Core.Net;
using WgAgent.Core.Status;
using WgAgent.Core.Tunnel;
using WgAgent.Core.WireGuard;
using static WgAgent.Core.Tests.Status.StatusFixtures;

namespace WgAgent.Core.Tests.Status;

public sealed class StatusComposerTests
{
    /// <summary>One change to the healthy host each, by name (xunit shows the name).</summary>
    private static readonly Dictionary<string, Func<StatusInputs, StatusInputs>> Changes = new(StringComparer.Ordinal)
    {
        ["kernel table missing"] = i => i with { KernelTable = null },
        ["kernel table unreadable"] = i => i with { KernelTable = null, KernelError = "nft exited 1: Operation not permitted" },
        ["kernel table different"] = i => i with { KernelTable = KernelTable.Replace("\t\ttcp dport @exporter_ports", "\t\t# tcp dport @exporter_ports", StringComparison.Ordinal) },
        ["kernel table flushed"] = i => i with { KernelTable = "table inet wgagent {\n}\n" },
        ["nothing verified yet"] = i => i with { ExpectedTable = null },
        ["fallback last good"] = i => i with { ExpectedKind = KillswitchTableKind.LastGood, Policy = null },
        ["block-all"] = i => i with { ExpectedKind = KillswitchTableKind.BlockAll, ExpectedTable = NftRuleset.BlockAllTable, KernelTable = NftRuleset.BlockAllTable, Policy = null },
        ["config broken, previous kept"] = i => i with { ConfigErrors = [BrokenConfig] },
        ["config broken since start"] = i => i with { ConfigErrors = [BrokenConfig], ConfigLoadedAt = null },
        ["config never loaded"] = i => i with { ConfigLoadedAt = null },
        ["tunnel not seen yet"] = i => i with { Tunnel = TunnelState.Unknown(Wg0) },
        ["tunnel absent"] = i => i with { Tunnel = TunnelState.Create(Wg0, null, []), Dump = null, DumpError = "Unable to access interface: No such device" },
        ["tunnel down"] = i => i with { Tunnel = TunnelState.Create(Wg0, new NetworkLink(7, "wg0", LinkFlags.None, null), TunnelUp.Addresses) },
        ["wg show fails"] = i => i with { Dump = null, DumpError = "wg exited 1: Operation not permitted" },
        ["no peers"] = i => i with { Dump = WithPeers() },
        ["peer never handshaked"] = i => i with { Dump = WithPeers(MonitorPeer, Handshake(StrangerPeer, null)) },
        ["peer stale"] = i => i with { Dump = WithPeers(Handshake(MonitorPeer, Now.AddSeconds(-181)), StrangerPeer) },
        ["exporter exposed"] = i => i with { Exporters = [Exporter("node", "prometheus-node-exporter.service", 9100, [V4, V6], ExporterListenState.Exposed, IPAddress.Any), BlackboxBound] },
        ["exporter incomplete"] = i => i with { Exporters = [NodeBound, Exporter("blackbox", "prometheus-blackbox-exporter.service", 9115, [V4, V6], ExporterListenState.Incomplete, V4)] },
        ["exporter not listening"] = i => i with { Exporters = [NodeBound, Exporter("blackbox", "prometheus-blackbox-exporter.service", 9115, [V4, V6], ExporterListenState.NotListening)] },
        ["exporters not checked"] = i => i with { Exporters = null },
        ["exporter bind failed"] = i => i with { ExporterErrors = ["wgagent does not know how to bind x.service to an address"] },
        ["ordering drop-in missing"] = i => i with { OrderingProblems = ["cannot write /etc/systemd/system/docker.service.d/wgagent-after-tunnel.conf: Read-only file system"] },
    };

    public static TheoryData<string, AgentState, KillswitchStatusState, string[]> Cases => new()
    {
        { "kernel table missing", AgentState.Error, KillswitchStatusState.Missing, [ProblemCodes.KillswitchMissing] },
        { "kernel table unreadable", AgentState.Error, KillswitchStatusState.Error, [ProblemCodes.KillswitchUnreadable] },
        { "kernel table different", AgentState.Error, KillswitchStatusState.Error, [ProblemCodes.KillswitchDifferent] },
        { "kernel table flushed", AgentState.Error, KillswitchStatusState.Error, [ProblemCodes.KillswitchDifferent] },
        { "nothing verified yet", AgentState.Error, KillswitchStatusState.Error, [ProblemCodes.KillswitchUnverified] },
        { "fallback last good", AgentState.Degraded, KillswitchStatusState.FallbackLastGood, [ProblemCodes.KillswitchFallback] },
        { "block-all", AgentState.Degraded, KillswitchStatusState.BlockAll, [ProblemCodes.KillswitchBlockAll] },
        { "config broken, previous kept", AgentState.Degraded, KillswitchStatusState.Verified, [ProblemCodes.ConfigBroken] },
        { "config broken since start", AgentState.Degraded, KillswitchStatusState.Verified, [ProblemCodes.ConfigBroken] },
        { "config never loaded", AgentState.Degraded, KillswitchStatusState.Verified, [ProblemCodes.ConfigBroken] },
        { "tunnel not seen yet", AgentState.Degraded, KillswitchStatusState.Verified, [ProblemCodes.TunnelUnknown] },
        { "tunnel absent", AgentState.Degraded, KillswitchStatusState.Verified, [ProblemCodes.TunnelAbsent] },
        { "tunnel down", AgentState.Degraded, KillswitchStatusState.Verified, [ProblemCodes.TunnelDown] },
        { "wg show fails", AgentState.Degraded, KillswitchStatusState.Verified, [ProblemCodes.WireGuardUnreadable] },
        { "no peers", AgentState.Degraded, KillswitchStatusState.Verified, [ProblemCodes.NoPeers] },
        { "peer never handshaked", AgentState.Degraded, KillswitchStatusState.Verified, [ProblemCodes.PeerNoHandshake] },
        { "peer stale", AgentState.Degraded, KillswitchStatusState.Verified, [ProblemCodes.PeerStaleHandshake] },
        { "exporter exposed", AgentState.Degraded, KillswitchStatusState.Verified, [ProblemCodes.ExporterExposed] },
        { "exporter incomplete", AgentState.Degraded, KillswitchStatusState.Verified, [ProblemCodes.ExporterIncomplete] },
        { "exporter not listening", AgentState.Degraded, KillswitchStatusState.Verified, [ProblemCodes.ExporterNotListening] },
        { "exporters not checked", AgentState.Degraded, KillswitchStatusState.Verified, [ProblemCodes.ExportersUnchecked] },
        { "exporter bind failed", AgentState.Degraded, KillswitchStatusState.Verified, [ProblemCodes.ExporterBindFailed] },
        { "ordering drop-in missing", AgentState.Degraded, KillswitchStatusState.Verified, [ProblemCodes.Ordering] },
    };

    [Fact]
    public void Compose_EverythingHolds_OkWithoutProblems()
    {
        var document = StatusComposer.Compose(Healthy);

        Assert.Equal(AgentState.Ok, document.State);
        Assert.Empty(document.Problems);
        Assert.Equal((KillswitchStatusState.Verified, true), (document.Killswitch.State, document.Killswitch.Match));
        Assert.True(document.Tunnel.Up);
        Assert.All(document.Exporters, e => Assert.Equal(ExporterBindState.Bound, e.State));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Compose_OneThingWrong_ThatProblemAndNotOk(string change, AgentState state, KillswitchStatusState killswitch, string[] codes)
    {
        var document = StatusComposer.Compose(Changes[change](Healthy));

        Assert.Equal(state, document.State);
        Assert.Equal(killswitch, document.Killswitch.State);
        Assert.Equal(codes, document.Problems.Select(p => p.Code));
    }

    [Fact]
    public void Cases_EveryChange_HasARow()
    {
        var rows = Cases.Select(row => (string)row[0]).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(Changes.Keys.Order(StringComparer.Ordinal), rows.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Compose_BeforeReady_StartingUnlessTheKillSwitchFailed(string change, AgentState state, KillswitchStatusState killswitch, string[] codes)
    {
        _ = killswitch;
        _ = codes;
        var document = StatusComposer.Compose(Changes[change](Healthy) with { Ready = false });

        Assert.Equal(state == AgentState.Error ? AgentState.Error : AgentState.Starting, document.State);
    }

    [Fact]
    public void Compose_NotReadyButNothingWrong_Starting()
    {
        var document = StatusComposer.Compose(Healthy with { Ready = false });

        Assert.Equal(AgentState.Starting, document.State);
        Assert.Empty(document.Problems);
    }

    [Fact]
    public void Compose_SeveralThingsWrong_OneProblemEachFirewallFirst()
    {
        var inputs = new[] { "ordering drop-in missing", "exporter exposed", "peer stale", "config broken, previous kept", "fallback last good" }
            .Aggregate(Healthy, (i, change) => Changes[change](i));

        var document = StatusComposer.Compose(inputs);

        Assert.Equal(AgentState.Degraded, document.State);
        Assert.Equal([ProblemCodes.KillswitchFallback, ProblemCodes.ConfigBroken, ProblemCodes.PeerStaleHandshake, ProblemCodes.ExporterExposed, ProblemCodes.Ordering],
            document.Problems.Select(p => p.Code));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Compose_EveryProblem_OneLineSentenceWithAHint(string change, AgentState state, KillswitchStatusState killswitch, string[] codes)
    {
        _ = (state, killswitch, codes);
        var problem = Assert.Single(StatusComposer.Compose(Changes[change](Healthy)).Problems);

        Assert.False(string.IsNullOrWhiteSpace(problem.Message));
        Assert.False(string.IsNullOrWhiteSpace(problem.Hint));
        Assert.DoesNotContain('\n', problem.Message + problem.Hint);
        Assert.False(problem.Message.EndsWith('.'), problem.Message);
    }

    [Fact]
    public void Compose_ExporterOnWildcard_SaysWhereAndHowToFix()
    {
        var problem = Assert.Single(StatusComposer.Compose(Changes["exporter exposed"](Healthy)).Problems);

        Assert.Equal("exporter node (prometheus-node-exporter.service) listens on 0.0.0.0:9100", problem.Message);
        Assert.Equal("run `systemctl restart prometheus-node-exporter.service` or check unit overrides (`systemctl cat prometheus-node-exporter.service`)",
            problem.Hint);
    }

    [Fact]
    public void Compose_TableMissing_HintSaysItIsPutBack()
    {
        var problem = Assert.Single(StatusComposer.Compose(Healthy with { KernelTable = null }).Problems);

        Assert.Equal("table inet wgagent is not in the kernel: nothing is filtered", problem.Message);
        Assert.Equal("wgagent puts it back within a second; if this persists see `journalctl -u wgagent`", problem.Hint);
    }

    [Fact]
    public void Compose_TunnelAbsentAfterTheWait_NamesTheWaitAndTheUnit()
    {
        var problem = Assert.Single(StatusComposer.Compose(Changes["tunnel absent"](Healthy) with { WaitedOut = TimeSpan.FromSeconds(90) }).Problems);

        Assert.Equal("wg0 does not exist (waited 1m 30s)", problem.Message);
        Assert.Equal("run `systemctl status wg-quick@wg0`", problem.Hint);
    }

    [Fact]
    public void Compose_BrokenConfig_PointsAtConfigCheck()
    {
        var problem = Assert.Single(StatusComposer.Compose(Healthy with { ConfigErrors = [BrokenConfig] }).Problems);

        Assert.Equal("/etc/wgagent.toml is broken (1 error, first: \"192.168.0.0/33\" is not a CIDR); the config loaded 2h 5m ago is kept", problem.Message);
        Assert.Equal("run `agentctl config check /etc/wgagent.toml`, fix it, then `systemctl reload wgagent`", problem.Hint);
    }

    [Fact]
    public void Compose_ConfigWarningOnly_NotAProblem()
    {
        var warning = new Diagnostic("/etc/wgagent.toml", 3, 1, DiagnosticSeverity.Warning, null, "something odd");

        var document = StatusComposer.Compose(Healthy with { ConfigErrors = [warning] });

        Assert.Equal(AgentState.Ok, document.State);
        Assert.Null(document.Config.Error);
        Assert.Equal(["/etc/wgagent.toml:3:1: warning: something odd"], document.Config.Diagnostics);
    }

    [Theory]
    [InlineData(180, false)]
    [InlineData(181, true)]
    public void Compose_HandshakeAge_StaleOnlyPastThreeMinutes(int seconds, bool stale)
    {
        var document = StatusComposer.Compose(Healthy with { Dump = WithPeers(Handshake(MonitorPeer, Now.AddSeconds(-seconds))) });

        Assert.Equal(stale, document.Problems.Any(p => p.Code == ProblemCodes.PeerStaleHandshake));
        Assert.Equal(seconds, document.Tunnel.Peers[0].LatestHandshakeAgeSeconds);
    }

    [Fact]
    public void Compose_PeerNeverHandshaked_NullTimestampAndAge()
    {
        var peer = StatusComposer.Compose(Changes["peer never handshaked"](Healthy)).Tunnel.Peers[1];

        Assert.Null(peer.LatestHandshake);
        Assert.Null(peer.LatestHandshakeAgeSeconds);
    }

    [Fact]
    public void Compose_Tunnel_TakesLinkFromNetlinkAndTheRestFromTheDump()
    {
        var tunnel = StatusComposer.Compose(Healthy).Tunnel;

        Assert.Equal(("wg0", true, true, "up"), (tunnel.Interface, tunnel.Present, tunnel.Up, tunnel.Phase));
        Assert.Equal(["10.77.0.2/24", "fd77::2/64"], tunnel.Addresses);
        Assert.Equal((51820, 0xca6cu), (tunnel.ListenPort, tunnel.Fwmark));
        Assert.Equal([MonitorKey, StrangerKey], tunnel.Peers.Select(p => p.PublicKey));
        Assert.Equal(["10.77.0.1/32", "10.77.0.10/32", "fd77::1/128"], tunnel.Peers[0].AllowedIps);
        Assert.Equal(("198.51.100.20:51820", 1_258_291ul, 348_160ul, 25), (tunnel.Peers[0].Endpoint, tunnel.Peers[0].RxBytes, tunnel.Peers[0].TxBytes, tunnel.Peers[0].PersistentKeepaliveSeconds));
    }

    [Fact]
    public void Compose_Killswitch_CountersFromTheKernelListingInTableOrder()
    {
        var killswitch = StatusComposer.Compose(Healthy).Killswitch;

        Assert.Equal(NftCounters.All, killswitch.Drops.Keys);
        Assert.Equal(new DropCounter(12, 720), killswitch.Drops[NftCounters.DroppedInput]);
        Assert.Equal(new DropCounter(3, 180), killswitch.Drops[NftCounters.DroppedExporter]);
        Assert.Equal("egress open, inbound open, forward open, ipv6 tunnel; only via wg0: node 9100, blackbox 9115, wgagent-metrics 9586", killswitch.Posture);
    }

    [Fact]
    public void Compose_Killswitch_HashIgnoresCountersAndElementOrder()
    {
        var killswitch = StatusComposer.Compose(Healthy).Killswitch;

        Assert.Equal(RulesetFingerprint.Sha256(ExpectedTable), killswitch.RulesetSha256);
        Assert.Matches("^[0-9a-f]{64}$", killswitch.RulesetSha256);
    }

    [Fact]
    public void ComposeKillswitch_Matching_BothTextsAndNoDifference()
    {
        var document = StatusComposer.ComposeKillswitch(Healthy);

        Assert.Equal((KillswitchStatusState.Verified, true, (string?)null), (document.State, document.Match, document.FirstDifference));
        Assert.Equal(KernelTable, document.AppliedRuleset);
        Assert.Equal(ExpectedTable, document.ExpectedRuleset);
    }

    [Fact]
    public void ComposeKillswitch_Different_NamesTheFirstDifferingLine()
    {
        var document = StatusComposer.ComposeKillswitch(Changes["kernel table different"](Healthy));

        Assert.Equal((KillswitchStatusState.Error, false), (document.State, document.Match));
        Assert.StartsWith("line ", document.FirstDifference, StringComparison.Ordinal);
    }

    [Fact]
    public void ComposeKillswitch_Unreadable_ErrorAndNoTable()
    {
        var document = StatusComposer.ComposeKillswitch(Changes["kernel table unreadable"](Healthy));

        Assert.Equal((KillswitchStatusState.Error, false), (document.State, document.Match));
        Assert.Null(document.AppliedRuleset);
        Assert.Equal("nft exited 1: Operation not permitted", document.Error);
    }

    [Fact]
    public void Compose_Timestamps_InUtc()
    {
        var document = StatusComposer.Compose(Healthy with { Now = Now.ToOffset(TimeSpan.FromHours(2)) });

        Assert.Equal(TimeSpan.Zero, document.GeneratedAt.Offset);
        Assert.Equal(Now, document.GeneratedAt);
    }

    private static WireGuardDump WithPeers(params WireGuardPeerState[] peers) => new()
    {
        HasPrivateKey = true,
        PublicKey = Dump.PublicKey,
        ListenPort = Dump.ListenPort,
        FwMark = Dump.FwMark,
        Peers = peers,
    };

    private static WireGuardPeerState Handshake(WireGuardPeerState peer, DateTimeOffset? at) => new()
    {
        PublicKey = peer.PublicKey,
        Endpoint = peer.Endpoint,
        AllowedIPs = peer.AllowedIPs,
        LatestHandshakeUnixSeconds = at?.ToUnixTimeSeconds(),
        RxBytes = peer.RxBytes,
        TxBytes = peer.TxBytes,
        PersistentKeepalive = peer.PersistentKeepalive,
    };
}
