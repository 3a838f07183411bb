using System.Globalization;
using WgAgent.Lab.Nspawn;
using WgAgent.System.Tests.Booting;
using WgAgent.Lab.Installing;
using Xunit.Abstractions;

namespace WgAgent.System.Tests.Killswitch;

/// <summary>
/// At boot the kill switch is loaded before wg0 exists, after Debian's nftables.service has flushed the
/// ruleset, and the units add no ordering cycle: read from the booted node's journal and from systemd.
/// </summary>
[Collection(GuardedNodeCollection.Name)]
public sealed class BootOrderTests(GuardedNodeFixture fixture, ITestOutputHelper output)
    : BootedLabTests<GuardedNodeFixture>(fixture, output)
{
    private const string WgQuickUnit = "wg-quick@wg0.service";
    private const string NftablesUnit = "nftables.service";

    [Fact]
    public async Task Boot_KillswitchAndWgQuick_KillswitchFinishedBeforeWg0Created()
    {
        var journal = await Fixture.Host.JournalEntriesAsync();

        var finished = Require(journal.FirstJobRecord(AgentPackage.KillswitchUnit, JournalMarks.UnitStartedId, "done"), "the kill switch's \"Finished\"", journal);
        var wgStarting = Require(journal.FirstJobRecord(WgQuickUnit, JournalMarks.UnitStartingId), "wg-quick@wg0's \"Starting\"", journal);
        // wg-quick(8) echoes each command before running it: the first attempt to create wg0 (which fails,
        // there is no kernel module here) and the wireguard-go fallback that does create it.
        var linkAdd = Require(journal.FirstOutput(WgQuickUnit, "ip link add wg0"), "wg-quick's \"ip link add wg0\"", journal);
        var userspace = Require(journal.FirstOutput(WgQuickUnit, "wireguard-go wg0"), "wg-quick's \"wireguard-go wg0\"", journal);

        var networkPre = Require(journal.FirstJobRecord("network-pre.target", JournalMarks.UnitStartedId, "done"), "\"Reached target network-pre.target\"", journal);

        Assert.True(finished.MonotonicMicros() < networkPre.MonotonicMicros(), $"network-pre.target reached before the kill switch finished:\n{finished}\n{networkPre}");
        Assert.True(finished.MonotonicMicros() < wgStarting.MonotonicMicros(), $"wg-quick@wg0 started before the kill switch finished:\n{finished}\n{wgStarting}");
        Assert.True(wgStarting.MonotonicMicros() <= linkAdd.MonotonicMicros(), $"wg0 before wg-quick@wg0's start?\n{wgStarting}\n{linkAdd}");
        Assert.True(linkAdd.MonotonicMicros() <= userspace.MonotonicMicros());

        var killswitch = await UnitTimestamps.ReadAsync(Fixture.Host, AgentPackage.KillswitchUnit);
        var wgQuick = await UnitTimestamps.ReadAsync(Fixture.Host, WgQuickUnit);
        Assert.True(killswitch.MainExit > 0 && killswitch.MainExit < wgQuick.MainStart, $"kill switch exited at {killswitch.MainExit} µs, wg-quick started at {wgQuick.MainStart} µs");

        Output.WriteLine(Invariant($"boot: {Fixture.Host.BootDuration!.Value.TotalMilliseconds:0} ms from nspawn start to \"running\"; {StartupLine(journal)}"));
        Output.WriteLine(Invariant($"kill switch: wgagent killswitch up ran {(killswitch.MainExit - killswitch.MainStart) / 1000.0:0.0} ms (fork to exit)"));
        Output.WriteLine(Invariant($"gap: kill switch \"Finished\" -> wg-quick@wg0 \"Starting\" {JournalMarks.MillisecondsBetween(finished, wgStarting):0.0} ms"));
        Output.WriteLine(Invariant($"gap: kill switch \"Finished\" -> \"ip link add wg0\" {JournalMarks.MillisecondsBetween(finished, linkAdd):0.0} ms, -> \"wireguard-go wg0\" {JournalMarks.MillisecondsBetween(finished, userspace):0.0} ms"));
        Output.WriteLine(Invariant($"gap (systemd's own timestamps): kill switch exit -> wg-quick main process {(wgQuick.MainStart - killswitch.MainExit) / 1000.0:0.0} ms"));
    }

    [Fact]
    public async Task Boot_NftablesServiceEnabled_FlushedBeforeKillswitchStarted()
    {
        var journal = await Fixture.Host.JournalEntriesAsync();

        var nftables = Require(journal.FirstJobRecord(NftablesUnit, JournalMarks.UnitStartedId, "done"), "nftables.service's \"Finished\"", journal);
        var starting = Require(journal.FirstJobRecord(AgentPackage.KillswitchUnit, JournalMarks.UnitStartingId), "the kill switch's \"Starting\"", journal);

        // Debian's /etc/nftables.conf begins with "flush ruleset": had it run later, it would have removed the table.
        Assert.True(nftables.MonotonicMicros() < starting.MonotonicMicros(), $"nftables.service finished after the kill switch started:\n{nftables}\n{starting}");
        Output.WriteLine(Invariant($"nftables.service finished {JournalMarks.MillisecondsBetween(nftables, starting):0.0} ms before the kill switch started"));
    }

    [Fact]
    public async Task Boot_Finished_TableLoadedAndKillswitchExitedSuccessfully()
    {
        var table = await Fixture.Host.ExecAsync(["nft", "list", "table", "inet", "wgagent"]);
        var show = (await Fixture.Host.ExecAsync(["systemctl", "show", AgentPackage.KillswitchUnit, "--property=ActiveState,SubState,Result,ExecMainStatus"])).EnsureSuccess().Stdout;

        Assert.True(table.Succeeded, table.Describe());
        Assert.Contains("table inet wgagent", table.Stdout, StringComparison.Ordinal);
        Assert.Contains("hook output", table.Stdout, StringComparison.Ordinal);
        Assert.Equal(["ActiveState=active", "ExecMainStatus=0", "Result=success", "SubState=exited"], show.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Boot_WithAgentUnits_NoOrderingCycleAndNoFailedUnit()
    {
        var journal = await Fixture.Host.JournalAsync();
        var failed = (await Fixture.Host.ExecAsync(["systemctl", "--failed", "--no-legend", "--plain"])).EnsureSuccess().Stdout;
        var state = await Fixture.Host.ExecAsync(["systemctl", "is-system-running"]);

        // PID 1 breaks a cycle by deleting a job and logs "Found ordering cycle" (systemd.unit(5), After=).
        Assert.DoesNotContain("ordering cycle", journal, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(string.Empty, failed.Trim());
        Assert.Equal("running", state.Stdout.Trim());
    }

    private static string StartupLine(IReadOnlyList<JournalEntry> journal) =>
        journal.FirstOrDefault(e => e.MessageId == JournalMarks.StartupFinishedId || e.Message.StartsWith("Startup finished", StringComparison.Ordinal))?.Message ?? "(no \"Startup finished\" record)";

    private static JournalEntry Require(JournalEntry? entry, string what, IReadOnlyList<JournalEntry> journal) =>
        entry ?? throw new Xunit.Sdk.XunitException($"no record of {what} in the boot's journal; its last records:\n{string.Join('\n', journal.TakeLast(40))}");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
