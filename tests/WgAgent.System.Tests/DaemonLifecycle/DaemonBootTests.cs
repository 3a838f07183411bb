using WgAgent.Lab.Addressing;
using WgAgent.System.Tests.Booting;
using WgAgent.System.Tests.Exporters;
using WgAgent.Lab.Installing;
using WgAgent.System.Tests.Killswitch;
using Xunit.Abstractions;
using static WgAgent.System.Tests.DaemonLifecycle.Evidence;

namespace WgAgent.System.Tests.DaemonLifecycle;

/// <summary>
/// (a) The boot after the install, with wgagent.service enabled: the kill switch is loaded before wg0 exists, the daemon
/// reports READY only once wg0 is up and the exporter listens on its address, node_exporter starts once and only on the
/// tunnel address, Prometheus scrapes it over the tunnel. (And the install before it moved a running stock exporter.)
/// </summary>
/// <remarks>
/// Why the exporter's start is not ordered after READY: with the install's socket unit in /etc/systemd/system the
/// exporter is socket-bound from its first start (FreeBind: its address need not exist yet), so nothing has to wait for
/// the daemon — and wgagent.service must not be a start dependency of the exporter, or a daemon failure would keep the
/// exporter down. In practice it starts long before (wg-quick@ waits for network-online.target, the daemon for wg-quick@).
/// READY means "the exporter listens only on the tunnel address", so it comes after the exporter's socket listened.
/// </remarks>
[Collection(DaemonNodeCollection.Name)]
public sealed class DaemonBootTests(DaemonNodeFixture fixture, ITestOutputHelper output)
    : BootedLabTests<DaemonNodeFixture>(fixture, output)
{
    private const string WgQuickUnit = "wg-quick@wg0.service";

    [Fact]
    public void Boot_KillswitchWgQuickDaemon_KillswitchThenWg0ThenReady()
    {
        var journal = Fixture.Boot.Journal;
        var killswitch = Require(journal.FirstJobRecord(AgentPackage.KillswitchUnit, JournalMarks.UnitStartedId, "done"), "the kill switch's \"Finished\"", journal);
        var linkAdd = Require(journal.FirstOutput(WgQuickUnit, "ip link add wg0"), "wg-quick's \"ip link add wg0\"", journal);
        var address = Require(journal.FirstOutput(WgQuickUnit, "ip -4 address add"), "wg-quick's \"ip -4 address add\"", journal);
        var wgDone = Require(journal.FirstJobRecord(WgQuickUnit, JournalMarks.UnitStartedId, "done"), "wg-quick@wg0's \"Finished\"", journal);
        var daemonStart = Require(journal.FirstJobRecord(AgentPackage.DaemonUnit, JournalMarks.UnitStartingId), "wgagent.service's \"Starting\"", journal);
        // Type=notify: PID 1 logs "Started" when READY=1 arrives; ActiveEnterTimestamp is that moment.
        var ready = Require(journal.FirstJobRecord(AgentPackage.DaemonUnit, JournalMarks.UnitStartedId, "done"), "\"Started wgagent.service\" (READY=1)", journal);
        var readyLine = Require(journal.FirstOrDefault(e => DaemonProbe.IsDaemon(e) && e.Message.StartsWith("ready: ", StringComparison.Ordinal)), "the daemon's \"ready:\" line", journal);
        var activeEnter = long.Parse(Fixture.Boot.Daemon["ActiveEnterTimestampMonotonic"], global::System.Globalization.CultureInfo.InvariantCulture);
        var mainStart = long.Parse(Fixture.Boot.Daemon["ExecMainStartTimestampMonotonic"], global::System.Globalization.CultureInfo.InvariantCulture);

        Assert.True(killswitch.MonotonicMicros() < linkAdd.MonotonicMicros(), $"wg0 created before the kill switch finished:\n{killswitch}\n{linkAdd}");
        Assert.True(linkAdd.MonotonicMicros() < ready.MonotonicMicros(), $"READY before wg0 was created:\n{linkAdd}\n{ready}");
        Assert.True(address.MonotonicMicros() < activeEnter, $"READY (ActiveEnterTimestampMonotonic={activeEnter}) before wg0 had its address:\n{address}");
        Assert.True(mainStart < activeEnter, $"ExecMainStart {mainStart} µs, ActiveEnter {activeEnter} µs");
        Assert.True(readyLine.MonotonicMicros() <= ready.MonotonicMicros() + 1_000_000, $"the daemon said ready long after systemd's \"Started\"?\n{readyLine}\n{ready}");

        Output.WriteLine(Invariant($"kill switch \"Finished\" at {Ms(killswitch.MonotonicMicros())} (monotonic)"));
        Output.WriteLine(Invariant($"  -> \"ip link add wg0\" +{JournalMarks.MillisecondsBetween(killswitch, linkAdd):0.0} ms"));
        Output.WriteLine(Invariant($"  -> \"ip -4 address add\" +{JournalMarks.MillisecondsBetween(killswitch, address):0.0} ms"));
        Output.WriteLine(Invariant($"  -> wg-quick@wg0 \"Finished\" +{JournalMarks.MillisecondsBetween(killswitch, wgDone):0.0} ms"));
        Output.WriteLine(Invariant($"  -> wgagent.service \"Starting\" +{JournalMarks.MillisecondsBetween(killswitch, daemonStart):0.0} ms"));
        Output.WriteLine(Invariant($"  -> \"Started wgagent.service\" (READY=1) +{JournalMarks.MillisecondsBetween(killswitch, ready):0.0} ms; ActiveEnterTimestampMonotonic +{(activeEnter - killswitch.MonotonicMicros()) / 1000.0:0.0} ms"));
        Output.WriteLine(Invariant($"daemon: main process to READY {(activeEnter - mainStart) / 1000.0:0.0} ms; its line: {readyLine.Message}"));
    }

    [Fact]
    public void Boot_ExporterWithInstalledSocket_StartedOnceOnlyOnTheTunnelAddress()
    {
        var journal = Fixture.Boot.Journal;
        var starts = journal.Where(e => e.Unit == ExporterNames.Service && e.MessageId == JournalMarks.UnitStartedId && e.Get("JOB_TYPE") == "start").ToList();
        var socket = Require(journal.FirstJobRecord(ExporterNames.Socket, JournalMarks.UnitStartedId, "done"), "the socket's \"Listening on\"", journal);
        var ready = Require(journal.FirstJobRecord(AgentPackage.DaemonUnit, JournalMarks.UnitStartedId, "done"), "\"Started wgagent.service\"", journal);
        var rewrites = journal.Where(e => DaemonProbe.IsDaemon(e) && e.Message.StartsWith("exporters: ", StringComparison.Ordinal)).Select(e => e.Message).ToList();
        var served = ExporterListening(journal, ExporterNames.Service).Order(StringComparer.Ordinal).ToList();

        var start = Assert.Single(starts);
        Assert.Equal("0", Fixture.Boot.Exporter["NRestarts"]);
        Assert.Contains("--web.systemd-socket", Fixture.Boot.Exporter["ExecStart"], StringComparison.Ordinal);
        Assert.Equal(ExporterNames.TunnelEndpoints.Order(StringComparer.Ordinal), served);
        Assert.Equal(ExporterNames.TunnelEndpoints.Order(StringComparer.Ordinal), Fixture.Boot.Listeners);
        // The install's files were in place: the daemon found nothing to write and restarted nothing.
        Assert.DoesNotContain(rewrites, m => m.StartsWith("exporters: restarted", StringComparison.Ordinal) || m.Contains("wrote", StringComparison.Ordinal));
        Assert.True(socket.MonotonicMicros() < start.MonotonicMicros(), $"the exporter started before its socket listened:\n{socket}\n{start}");
        // READY means "listening only on the tunnel address": the socket did before it (the exporter's own start is not
        // ordered against the daemon at all, see the remarks).
        Assert.True(socket.MonotonicMicros() < ready.MonotonicMicros(), $"READY before the exporter's socket listened:\n{socket}\n{ready}");

        Output.WriteLine($"exporter served on: {string.Join(", ", served)}; ss: {string.Join(", ", Fixture.Boot.Listeners)}");
        Output.WriteLine(Invariant($"socket listening -> exporter started +{JournalMarks.MillisecondsBetween(socket, start):0.0} ms; socket listening -> READY +{JournalMarks.MillisecondsBetween(socket, ready):0.0} ms"));
        Output.WriteLine($"daemon's exporter lines at boot: {(rewrites.Count == 0 ? "(none)" : string.Join(" | ", rewrites))}");
    }

    [Fact]
    public void Boot_Ready_StatusSaysVerifiedTunnelUpAndBound()
    {
        var status = Fixture.Boot.StatusText;
        var daemon = Fixture.Boot.Daemon;

        Assert.Equal(("active", "running", "0"), (daemon["ActiveState"], daemon["SubState"], daemon["NRestarts"]));
        Assert.False(status.StartsWith("degraded", StringComparison.Ordinal), status);
        Assert.Contains("kill switch verified", status, StringComparison.Ordinal);
        Assert.Contains($"wg0 up {LabAddresses.Node.RequiredTunnelV4}", status, StringComparison.Ordinal);
        Assert.Contains("node", status, StringComparison.Ordinal);
        Output.WriteLine($"STATUS={status}");
        Output.WriteLine(DaemonProbe.DaemonLines(Fixture.Boot.Journal));
    }

    [Fact]
    public void Boot_TunnelUp_PrometheusScrapesTheNodeOverTheTunnel()
    {
        Assert.True(Fixture.Boot.PrometheusError is null, Fixture.Boot.PrometheusError);
        Assert.NotNull(Fixture.Boot.ScrapedSamples);
        Output.WriteLine(Invariant($"Prometheus in monitor: up{{job=\"node\"}} == 1 {Fixture.Boot.PrometheusWait.TotalSeconds:0.00} s after the boot was recorded; {Fixture.Boot.ScrapedSamples:0} samples from {LabAddresses.Node.RequiredTunnelV4}:{LabPorts.NodeExporter}"));
    }

    [Fact]
    public void Boot_WithDaemon_NoFailedUnitAndNoOrderingCycle()
    {
        Assert.DoesNotContain(Fixture.Boot.Journal, e => e.Message.Contains("ordering cycle", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(string.Empty, Fixture.Boot.FailedUnits);
        Assert.Equal("running", Fixture.Boot.SystemState);
        Output.WriteLine($"fixture notes (retries, restorations): {(Fixture.Notes.Count == 0 ? "none" : string.Join("\n", Fixture.Notes))}");
    }

    [Fact]
    public void Install_EnableNowOnARunningHost_StockExporterMovedToTheTunnelAddress()
    {
        var install = Fixture.Install;
        var lines = install.DaemonJournal.Where(DaemonProbe.IsDaemon).Select(e => e.Message).ToList();

        Assert.Equal(["*:9100"], install.StockListeners);
        Assert.True(install.EnableNow.Succeeded, install.EnableNow.Describe());
        Assert.Equal(ExporterNames.TunnelEndpoints.Order(StringComparer.Ordinal), install.ListenersAfter);
        Assert.Equal("active/running", install.State);
        Assert.False(install.StatusText.StartsWith("degraded", StringComparison.Ordinal), install.StatusText);
        Assert.Contains(lines, m => m.StartsWith("exporters: restarted", StringComparison.Ordinal));
        Assert.Contains(ExporterNames.SocketPath, install.Files.Keys);
        Assert.Contains(ExporterNames.DropInPath, install.Files.Keys);
        Output.WriteLine(Invariant($"systemctl enable --now wgagent.service: {install.EnableNow.Elapsed.TotalMilliseconds:0} ms; :9100 {string.Join(",", install.StockListeners)} -> {string.Join(", ", install.ListenersAfter)}"));
        Output.WriteLine($"STATUS={install.StatusText}");
        Output.WriteLine(string.Join('\n', lines.Select(l => "  " + l)));
        Output.WriteLine($"carried into the next boot: {string.Join(", ", install.Files.Keys)}");
    }
}
