using System.Globalization;
using System.Text.Json;
using WgAgent.Lab.Addressing;
using WgAgent.Lab.Installing;
using WgAgent.System.Tests.Booting;
using WgAgent.System.Tests.Daemon;
using WgAgent.System.Tests.DaemonLifecycle;
using WgAgent.System.Tests.Killswitch;
using Xunit.Abstractions;
using static WgAgent.System.Tests.DaemonLifecycle.Evidence;

namespace WgAgent.System.Tests.Package;

/// <summary>
/// (2) The boot after the install, from what the package installed and the operator configured, nothing written in
/// by the test: the kill switch before wg0, wg0 before READY; a healthy <c>agentctl status</c>; Prometheus scraping
/// the node over WireGuard; the daemon's sandbox.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class PackageRebootTests(PackageFixture fixture, ITestOutputHelper output)
    : BootedLabTests<PackageFixture>(fixture, output)
{
    [Fact]
    public void Reboot_Installed_KillswitchThenWg0ThenReady()
    {
        var reboot = Fixture.Reboot.Record;
        var journal = reboot.Journal;
        var killswitch = Require(journal.FirstJobRecord(AgentPackage.KillswitchUnit, JournalMarks.UnitStartedId, "done"), "the kill switch's \"Finished\"", journal);
        var linkAdd = Require(journal.FirstOutput(PackageFixture.TunnelUnit, "ip link add wg0"), "wg-quick's \"ip link add wg0\"", journal);
        var wgDone = Require(journal.FirstJobRecord(PackageFixture.TunnelUnit, JournalMarks.UnitStartedId, "done"), "wg-quick@wg0's \"Finished\"", journal);
        var daemonStart = Require(journal.FirstJobRecord(AgentPackage.DaemonUnit, JournalMarks.UnitStartingId), "wgagent.service's \"Starting\"", journal);
        var ready = Require(journal.FirstJobRecord(AgentPackage.DaemonUnit, JournalMarks.UnitStartedId, "done"), "\"Started wgagent.service\" (READY=1)", journal);
        var activeEnter = long.Parse(reboot.Daemon["ActiveEnterTimestampMonotonic"], CultureInfo.InvariantCulture);
        Output.WriteLine(Invariant($"power-off {reboot.PowerOff.TotalSeconds:0.00} s, boot {reboot.Boot.TotalSeconds:0.00} s; {string.Join(", ", reboot.Units.Select(u => $"{u.Key} {u.Value}"))}"));
        Output.WriteLine(Invariant($"kill switch \"Finished\" at {Ms(killswitch.MonotonicMicros())} (monotonic)"));
        Output.WriteLine(Invariant($"  -> \"ip link add wg0\" +{JournalMarks.MillisecondsBetween(killswitch, linkAdd):0.0} ms"));
        Output.WriteLine(Invariant($"  -> wg-quick@wg0 \"Finished\" +{JournalMarks.MillisecondsBetween(killswitch, wgDone):0.0} ms"));
        Output.WriteLine(Invariant($"  -> wgagent.service \"Starting\" +{JournalMarks.MillisecondsBetween(killswitch, daemonStart):0.0} ms"));
        Output.WriteLine(Invariant($"  -> \"Started wgagent.service\" (READY=1) +{JournalMarks.MillisecondsBetween(killswitch, ready):0.0} ms"));

        Assert.Equal("active/exited", reboot.Units[AgentPackage.KillswitchUnit]);
        Assert.Equal("active/exited", reboot.Units[PackageFixture.TunnelUnit]);
        Assert.Equal("active/running", reboot.Units[AgentPackage.DaemonUnit]);
        Assert.True(killswitch.MonotonicMicros() < linkAdd.MonotonicMicros(), $"wg0 created before the kill switch finished:\n{killswitch}\n{linkAdd}");
        Assert.True(wgDone.MonotonicMicros() <= daemonStart.MonotonicMicros(), $"the daemon started before wg-quick@wg0 finished:\n{wgDone}\n{daemonStart}");
        Assert.True(linkAdd.MonotonicMicros() < activeEnter, $"READY (ActiveEnterTimestampMonotonic={activeEnter}) before wg0 existed:\n{linkAdd}");
        Assert.Equal(string.Empty, reboot.FailedUnits);
        Assert.Equal("running", reboot.SystemState);
    }

    [Fact]
    public void Reboot_Installed_AgentctlStatusOkTunnelKillswitchExporter()
    {
        var reboot = Fixture.Reboot.Record;
        Output.WriteLine(Invariant($"$ agentctl status   (exit {reboot.Status.ExitCode}; --json exited {reboot.StatusJson.ExitCode} after {reboot.StatusWait.TotalSeconds:0.0} s of polling)\n{reboot.Status.Stdout}{reboot.Status.Stderr}"));

        Assert.Equal(0, reboot.StatusJson.ExitCode);
        Assert.Equal(0, reboot.Status.ExitCode);
        using var document = JsonDocument.Parse(reboot.StatusJson.Stdout);
        var root = document.RootElement;
        Assert.Equal("ok", root.GetProperty("state").GetString());
        Assert.True(root.GetProperty("tunnel").GetProperty("up").GetBoolean(), reboot.StatusJson.Stdout);
        Assert.Equal("verified", root.GetProperty("killswitch").GetProperty("state").GetString());
        var exporter = Assert.Single(root.GetProperty("exporters").EnumerateArray());
        Assert.Equal("bound", exporter.GetProperty("state").GetString());
    }

    [Fact]
    public void Reboot_Installed_PrometheusScrapesTheNodeOverWireGuard()
    {
        var reboot = Fixture.Reboot.Record;
        Output.WriteLine(Invariant($"Prometheus in monitor: up{{job=\"node\"}} == {reboot.Up} {reboot.PrometheusWait.TotalSeconds:0.00} s after the node was checked; target {LabAddresses.Node.RequiredTunnelV4}:{LabPorts.NodeExporter}"));

        Assert.True(reboot.PrometheusError is null, reboot.PrometheusError);
        Assert.Equal(1.0, reboot.Up);
    }

    [Fact]
    public void Reboot_Installed_DaemonSandboxExposureAtMost2_5()
    {
        var security = Fixture.Reboot.Record.Security;
        Output.WriteLine(Invariant($"systemd-analyze security wgagent.service: overall exposure {security.Exposure} (ceiling {SecurityReport.MaxExposure})"));

        Assert.True(security.Exposure.HasValue, $"no exposure line in: {security.Result.Describe()}");
        Assert.InRange(security.Exposure.Value, 0, SecurityReport.MaxExposure);
    }
}
