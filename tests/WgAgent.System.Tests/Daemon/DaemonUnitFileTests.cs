using WgAgent.System.Tests.Booting;
using WgAgent.Lab.Installing;
using WgAgent.System.Tests.Killswitch;
using Xunit.Abstractions;

namespace WgAgent.System.Tests.Daemon;

/// <summary>
/// wgagent.service as systemd 252 reads it in the guarded node, where the installer put it at its package path
/// alongside the kill switch: it verifies cleanly, has the ordering and service settings of issue 5, and the
/// installer neither enabled nor started it (the guarded node's other tests run without the daemon).
/// </summary>
[Collection(GuardedNodeCollection.Name)]
public sealed class DaemonUnitFileTests(GuardedNodeFixture fixture, ITestOutputHelper output)
    : BootedLabTests<GuardedNodeFixture>(fixture, output)
{
    [Fact]
    public async Task SystemdAnalyzeVerify_DaemonUnit_NoFindings()
    {
        // --man=no: the minimal rootfs has no man(1). verify exits 0 on mere warnings: any output is a finding.
        var verify = await Fixture.Host.ExecAsync(["systemd-analyze", "verify", "--man=no", AgentPackage.DaemonUnit]);

        Assert.True(verify.Succeeded, verify.Describe());
        Assert.Equal(string.Empty, (verify.Stdout + verify.Stderr).Trim());
    }

    [Fact]
    public async Task DaemonUnit_InstalledByInstaller_NeitherEnabledNorStarted()
    {
        var enabled = await Fixture.Host.ExecAsync(["systemctl", "is-enabled", AgentPackage.DaemonUnit]);
        var active = await Fixture.Host.ExecAsync(["systemctl", "is-active", AgentPackage.DaemonUnit]);
        var path = (await Fixture.Host.ExecAsync(["systemctl", "show", AgentPackage.DaemonUnit, "--property=FragmentPath", "--value"])).EnsureSuccess();

        Assert.Equal("/lib/systemd/system/wgagent.service", path.Stdout.Trim());
        Assert.Equal("disabled", enabled.Stdout.Trim());
        Assert.Equal("inactive", active.Stdout.Trim());
    }

    [Fact]
    public async Task DaemonUnit_Loaded_NotifyReloadRestartAndOrdering()
    {
        var show = (await Fixture.Host.ExecAsync(
        [
            "systemctl", "show", AgentPackage.DaemonUnit,
            "--property=Type,NotifyAccess,Restart,ExecStart,ExecReload,After,Wants,RuntimeDirectory,StateDirectory,ReadWritePaths",
        ])).EnsureSuccess().Stdout;
        var properties = show.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('=', 2)).ToDictionary(kv => kv[0], kv => kv[1]);
        Output.WriteLine(show);

        Assert.Equal("notify", properties["Type"]);
        Assert.Equal("main", properties["NotifyAccess"]);
        // WatchdogUSec= reads "infinity" until the unit runs: checked on the stand-in daemon (ServiceSandboxTests).
        Assert.Equal("on-failure", properties["Restart"]);
        Assert.Contains($"path={AgentPackage.WgAgentPath} ; argv[]={AgentPackage.WgAgentPath} run ;", properties["ExecStart"], StringComparison.Ordinal);
        Assert.Contains("argv[]=/bin/kill -HUP $MAINPID ;", properties["ExecReload"], StringComparison.Ordinal);
        foreach (var unit in new[] { AgentPackage.KillswitchUnit, "wg-quick@wg0.service" })
        {
            Assert.Contains(unit, properties["After"].Split(' '));
            Assert.Contains(unit, properties["Wants"].Split(' '));
        }

        Assert.Equal("wgagent", properties["RuntimeDirectory"]);
        Assert.Equal("wgagent", properties["StateDirectory"]);
        Assert.Contains("/etc/systemd/system", properties["ReadWritePaths"].Split(' '));
    }
}
