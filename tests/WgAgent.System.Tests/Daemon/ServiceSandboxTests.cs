using WgAgent.Lab.Addressing;
using WgAgent.Lab.WireGuard;
using WgAgent.System.Tests.Booting;
using WgAgent.System.Tests.Exporters;
using WgAgent.Lab.Installing;
using Xunit.Abstractions;

namespace WgAgent.System.Tests.Daemon;

/// <summary>
/// wgagent.service's sandbox in the booted Debian 12: <c>systemd-analyze security</c> rates it low, and the work the
/// daemon does (apply the table, write units and drive PID 1, read the tunnel, create its sockets) still succeeds
/// under exactly the same directives (see <see cref="ServiceSandboxFixture"/>).
/// </summary>
[Collection(ServiceSandboxCollection.Name)]
public sealed class ServiceSandboxTests(ServiceSandboxFixture fixture, ITestOutputHelper output)
    : BootedLabTests<ServiceSandboxFixture>(fixture, output)
{
    private SandboxProbeRecord Probe => Fixture.Probe;

    [Fact]
    public void SystemdAnalyzeSecurity_DaemonUnit_ExposureAtMost2_5()
    {
        var security = Fixture.DaemonSecurity;
        Output.WriteLine(security.Result.Stdout);

        Assert.True(security.Exposure.HasValue, $"no exposure line in: {security.Result.Describe()}");
        Assert.InRange(security.Exposure.Value, 0, SecurityReport.MaxExposure);
    }

    [Fact]
    public void SystemdAnalyzeSecurity_ProbeUnits_SameTableAsDaemonUnit()
    {
        // Same rows, same score: the probes run under the daemon's sandbox, nothing less and nothing more.
        Assert.Equal(Fixture.DaemonSecurity.Rows, Fixture.ProbeSecurity.Rows);
        Assert.Equal(Fixture.DaemonSecurity.Exposure, Fixture.ProbeSecurity.Exposure);
        Assert.Equal(Fixture.DaemonSecurity.Rows, Fixture.StandInSecurity.Rows);
        Assert.Equal(Fixture.DaemonSecurity.Exposure, Fixture.StandInSecurity.Exposure);
    }

    [Fact]
    public void SystemdAnalyzeVerify_ProbeUnits_NoFindings()
    {
        Output.WriteLine(Probe.UnitText);
        Output.WriteLine(Fixture.StandIn.UnitText);

        Assert.True(Probe.Verify.Succeeded, Probe.Verify.Describe());
        Assert.Equal(string.Empty, (Probe.Verify.Stdout + Probe.Verify.Stderr).Trim());
    }

    [Fact]
    public void Probe_DaemonSandbox_EveryCommandSucceeded()
    {
        Output.WriteLine(Probe.Journal);

        Assert.True(Probe.Start.Succeeded, $"{Probe.Start.Describe()}\njournal:\n{Probe.Journal}");
        Assert.Equal("success", Probe.State["Result"]);
        Assert.Equal("active", Probe.State["ActiveState"]);
        Assert.Equal("0", Probe.State["ExecMainStatus"]);
    }

    [Fact]
    public void Probe_KillswitchUp_TableBackInKernel()
    {
        Assert.False(Probe.TableBeforeProbe.Succeeded, $"table inet wgagent was still there before the probe: {Probe.TableBeforeProbe.Stdout}");

        Assert.True(Probe.TableAfterProbe.Succeeded, $"{Probe.TableAfterProbe.Describe()}\njournal:\n{Probe.Journal}");
        Assert.StartsWith("table inet wgagent {", Probe.TableAfterProbe.Stdout.TrimStart(), StringComparison.Ordinal);
    }

    [Fact]
    public void Probe_ExportersBind_SocketUnitWrittenAndListeningOnTunnelOnly()
    {
        Assert.NotNull(Probe.ExporterSocketUnit);
        Assert.Contains($"ListenStream={LabAddresses.Node.RequiredTunnelV4}:{LabPorts.NodeExporter}", Probe.ExporterSocketUnit, StringComparison.Ordinal);
        Assert.Equal("active", Probe.ExporterSocketActive.Stdout.Trim());
        Assert.Equal(ExporterNames.TunnelEndpoints.Order(StringComparer.Ordinal), Probe.ExporterListeners);
        Assert.Contains("wgagent: exporters bind: restarted prometheus-node-exporter.service", Probe.Journal, StringComparison.Ordinal);
    }

    [Fact]
    public void Probe_WgShowDump_ListsTheMonitorPeer()
    {
        Assert.True(Probe.Wg0BeforeProbe.Succeeded, $"wg0 is not up in the node: {Probe.Wg0BeforeProbe.Describe()}");

        // The dump's peer lines start with the peer's public key (wg(8), "dump").
        foreach (var peer in Fixture.Lab.NodeTunnel.Peers)
        {
            Assert.Contains(peer.PublicKey + "\t", Probe.Journal, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Probe_StatusSocket_RootWgagentMode0660WithoutCapChown()
    {
        Output.WriteLine($"wgagent group in the rootfs before the test added it: {Probe.GroupExistedBefore}");

        Assert.True(Probe.StatusSocketStat.Succeeded, $"{Probe.StatusSocketStat.Describe()}\njournal:\n{Probe.Journal}");
        Assert.Equal($"root:{AgentPackage.StatusGroup} 660 socket", Probe.StatusSocketStat.Stdout.Trim());
    }

    [Fact]
    public void Probe_MetricsListener_BindsTunnelAddresses()
    {
        var node = LabAddresses.Node;

        Assert.Contains($"metrics listener: {node.RequiredTunnelV4} port {SocketProbeScript.MetricsPort}", Probe.Journal, StringComparison.Ordinal);
        Assert.Contains($"metrics listener: {node.RequiredTunnelV6} port {SocketProbeScript.MetricsPort}", Probe.Journal, StringComparison.Ordinal);
    }

    [Fact]
    public void Probe_ExportersBind_DropInFolderWorldReadable()
    {
        // Under UMask=0077 this was 0700: mkdir(2)'s mode is filtered by the umask (the unit says 0022, and why).
        Assert.True(Probe.DropInFolderStat.Succeeded, Probe.DropInFolderStat.Describe());
        Assert.Equal("root:root 755 directory", Probe.DropInFolderStat.Stdout.Trim());
    }

    [Fact]
    public void StandIn_ReadyNotified_ActiveWithStatusAndWatchdog()
    {
        var standIn = Fixture.StandIn;
        Output.WriteLine(standIn.Journal);

        Assert.True(standIn.Start.Succeeded, $"{standIn.Start.Describe()}\njournal:\n{standIn.Journal}");
        Assert.Equal("active", standIn.AfterStart["ActiveState"]);
        Assert.Equal("running", standIn.AfterStart["SubState"]);
        Assert.Equal(StandInDaemonScript.ReadyStatus, standIn.AfterStart["StatusText"]);
        Assert.Equal("30s", standIn.AfterStart["WatchdogUSec"]);
    }

    [Fact]
    public void StandIn_WatchdogPings_TimestampMoves()
    {
        var (first, later) = Fixture.StandIn.WatchdogTimestamps;

        Assert.NotEqual(first, later);
        Assert.Equal("0", Fixture.StandIn.AfterReload["NRestarts"]);
    }

    [Fact]
    public void StandIn_SystemctlReload_SighupToMainPidAndReadyAgain()
    {
        var standIn = Fixture.StandIn;

        Assert.True(standIn.Reload.Succeeded, $"{standIn.Reload.Describe()}\njournal:\n{standIn.Journal}");
        Assert.Contains("SIGHUP: reload 1", standIn.Journal, StringComparison.Ordinal);
        Assert.Equal(StandInDaemonScript.ReloadedStatus, standIn.AfterReload["StatusText"]);
        Assert.Equal("active", standIn.AfterReload["ActiveState"]);
        Assert.Equal(standIn.AfterStart["MainPID"], standIn.AfterReload["MainPID"]);
    }

    [Fact]
    public void StandIn_SystemctlStop_CleanExit()
    {
        var standIn = Fixture.StandIn;

        Assert.True(standIn.Stop.Succeeded, standIn.Stop.Describe());
        Assert.Contains("SIGTERM: stopping", standIn.Journal, StringComparison.Ordinal);
        Assert.Equal("inactive", standIn.AfterStop["ActiveState"]);
        Assert.Equal("success", standIn.AfterStop["Result"]);
    }
}
