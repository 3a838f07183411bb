using System.Net;
using WgAgent.Lab.Addressing;
using WgAgent.Lab.Probes;
using WgAgent.Lab.Processes;
using WgAgent.System.Tests.Booting;
using WgAgent.Lab.Installing;
using Xunit.Abstractions;

namespace WgAgent.System.Tests.Killswitch;

/// <summary>
/// Issue 4, fail closed: a malformed wg0.conf (seed 002) makes wg-quick@wg0 fail at boot, which with a PostUp kill
/// switch leaves the host wide open. With wgagent the kill switch still loads — block-all, as the node has no last
/// verified table — and nothing leaves for the internet, while the same probes go through once the table is removed.
/// </summary>
public sealed class MalformedTunnelTests(MalformedTunnelFixture fixture, ITestOutputHelper output)
    : BootedLabTests<MalformedTunnelFixture>(fixture, output), IClassFixture<MalformedTunnelFixture>
{
    private const string WgQuickUnit = "wg-quick@wg0.service";
    private const string WgConfPath = "/etc/wireguard/wg0.conf";

    // wgagent's state directory (the unit's StateDirectory=wgagent) and what it keeps there after a verified apply.
    private const string LastGoodPath = "/var/lib/wgagent/last-good.nft";

    // The comments of the block-all table's input, output and forward rules (NftRuleset.BlockAllTable); no other table has them.
    private static readonly string[] BlockAllComments =
    [
        "block-all: no verified policy, nothing else in",
        "block-all: no verified policy, nothing else out",
        "block-all: no verified policy, nothing forwarded",
    ];

    [Fact]
    public async Task WgQuick_MalformedAddressLine_FailedBeforePostUpAndNoWg0()
    {
        var failed = await Fixture.Host.ExecAsync(["systemctl", "is-failed", WgQuickUnit]);
        var failedUnits = (await Fixture.Host.ExecAsync(["systemctl", "--failed", "--no-legend", "--plain"])).EnsureSuccess().Stdout;
        var journal = await Fixture.Host.JournalEntriesAsync(WgQuickUnit);
        var link = await Fixture.Host.ExecAsync(["ip", "link", "show", "wg0"]);

        Assert.Equal("failed", failed.Stdout.Trim());
        Assert.StartsWith(WgQuickUnit, Assert.Single(failedUnits.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
        // wg-quick(8) echoes each command: it got as far as the address, as in seed 002's log, and iproute2 refused it.
        Assert.NotNull(journal.FirstOutput(WgQuickUnit, "ip -4 address add Address dev wg0"));
        Assert.NotNull(journal.FirstOutput(WgQuickUnit, "inet prefix is expected"));
        // So the config's own kill switch (the PostUp iptables rules) never existed.
        Assert.Null(journal.FirstOutput(WgQuickUnit, "iptables"));
        Assert.False(link.Succeeded, $"wg0 exists although wg-quick failed: {link.Stdout}");
        Output.WriteLine(string.Join('\n', journal.Where(e => e.SystemdUnit == WgQuickUnit).Select(e => e.Message)));
    }

    [Fact]
    public async Task KillswitchUnit_MalformedWg0ConfAndNoLastGood_ActiveWithBlockAllAndSaysWhy()
    {
        var show = (await Fixture.Host.ExecAsync(["systemctl", "show", AgentPackage.KillswitchUnit, "--property=ActiveState,SubState,Result,ExecMainStatus"])).EnsureSuccess().Stdout;
        var table = await Fixture.Host.ExecAsync(["nft", "list", "table", "inet", "wgagent"]);
        var journal = await Fixture.Host.JournalAsync(AgentPackage.KillswitchUnit);
        var lastGood = await Fixture.Host.ExecAsync(["test", "-e", LastGoodPath]);

        // Exit 0: a fail-closed table is verified in the kernel, so wg-quick@wg0 was allowed to try (and failed on its own).
        Assert.Equal(["ActiveState=active", "ExecMainStatus=0", "Result=success", "SubState=exited"], show.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));
        Assert.True(table.Succeeded, table.Describe());
        Assert.All(BlockAllComments, comment => Assert.Contains(comment, table.Stdout, StringComparison.Ordinal));
        // Not the egress = "tunnel" table: that one lets wg0 and WireGuard's own UDP out; block-all knows only loopback.
        Assert.DoesNotContain("wg0", table.Stdout, StringComparison.Ordinal);
        Assert.Contains($"{WgConfPath}:", journal, StringComparison.Ordinal);
        Assert.Contains("error: expected \"Key = Value\", found \"Address\"", journal, StringComparison.Ordinal);
        Assert.Contains("config broken", journal, StringComparison.Ordinal);
        Assert.Contains("loaded block-all (loopback only)", journal, StringComparison.Ordinal);
        Assert.Equal(1, lastGood.ExitCode);
        Output.WriteLine(table.Stdout);
    }

    [Theory]
    [MemberData(nameof(ProbeMatrix.KindsAndFamilies), MemberType = typeof(ProbeMatrix))]
    public async Task Probe_NodeToInetUnderBlockAll_BlockedUntilKillswitchDown(ProbeKind kind, bool ipv6)
    {
        // The container runs in node's network namespace (nspawn --network-namespace-path), so a probe from the lab's
        // node meets the ruleset the booted wgagent loaded, just as a process inside the container would.
        var lab = Fixture.Lab;
        var target = LabAddresses.Inet.Underlay(ipv6);
        var since = DateTimeOffset.UtcNow;
        var blocked = await ProbeAsync(kind, target, ProbeAssert.Brief);
        var removedAt = DateTimeOffset.UtcNow;

        var down = await RunAgentAsync("down");
        ProbeResult control;
        try
        {
            control = await ProbeAsync(kind, target, ProbeAssert.Patient);
        }
        finally
        {
            // Back to the boot's state for the next row: the config is still broken, so this is block-all again.
            var up = await RunAgentAsync("up");
            Assert.True(up.Succeeded && up.Stderr.Contains("loaded block-all", StringComparison.Ordinal), up.Describe());
        }

        ProbeAssert.Blocked(blocked);
        Assert.DoesNotContain(lab.InetEcho.Hits, h => h.At >= since && h.At < removedAt && h.Remote.Address.Equals(LabAddresses.Node.Underlay(ipv6)));
        Assert.True(down.Succeeded, down.Describe());
        ProbeAssert.Reachable(control);
    }

    private async Task<ProbeResult> ProbeAsync(ProbeKind kind, IPAddress target, TimeSpan timeout)
    {
        var result = await Fixture.Lab.Node.ProbeAsync(kind, target, LabPorts.Echo, timeout);
        Output.WriteLine($"  {result}");
        return result;
    }

    // wgagent killswitch up|down inside the container, as root, the way an operator would run it.
    private async Task<CommandResult> RunAgentAsync(string verb)
    {
        var result = await Fixture.Host.ExecAsync([AgentPackage.WgAgentPath, "killswitch", verb]);
        Output.WriteLine($"wgagent killswitch {verb}: {result.Describe()}");
        return result;
    }
}
