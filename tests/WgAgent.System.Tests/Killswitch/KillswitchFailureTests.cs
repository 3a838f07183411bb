using WgAgent.Lab.Agent;
using System.Diagnostics;
using System.Globalization;
using WgAgent.Lab;
using WgAgent.Lab.Nspawn;
using WgAgent.Lab.WireGuard;
using WgAgent.Lab.Installing;
using Xunit.Abstractions;
using TestLab = WgAgent.Lab.Lab;

namespace WgAgent.System.Tests.Killswitch;

/// <summary>
/// When the kill-switch unit fails at boot, wg-quick@wg0 never runs (the drop-in's Requires= + After=):
/// no tunnel without the kill switch. Each case boots its own node in its own lab, since the failure
/// has to happen at boot and a second container in the same namespace would share its ruleset.
/// </summary>
public sealed class KillswitchFailureTests(ITestOutputHelper output)
{
    private const string WgQuickUnit = "wg-quick@wg0.service";

    // A stand-in that fails like a wgagent that cannot apply anything; with it, the test is about the
    // units alone, not about when the real binary decides to fail.
    private const string FailingStandIn = "#!/bin/sh\necho \"wgagent stand-in: failing on purpose ($*)\" >&2\nexit 1\n";

    public static TheoryData<string> Failures => ["exits-1", "binary-missing"];

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task Boot_KillswitchUnitFails_WgQuickNeverStarts(string failure)
    {
        var clock = Stopwatch.StartNew();
        await using var lab = await TestLab.StartAsync(new LabOptions { ExternalNodeTunnel = true });
        await using var host = await BootedHost.StartAsync(
            new BootedHostOptions
            {
                NetworkNamespacePath = lab.Node.NamespacePath,
                MachineNamePrefix = $"wgl2-{lab.Id}",
                // The failed kill switch is the point of the test.
                AcceptDegraded = true,
            },
            h => PrepareAsync(h, lab.NodeTunnel, failure));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{failure}: lab and boot {clock.Elapsed.TotalSeconds:0.00} s (boot {host.BootDuration!.Value.TotalSeconds:0.00} s)"));

        var killswitch = await host.ExecAsync(["systemctl", "is-failed", AgentPackage.KillswitchUnit]);
        var wgQuick = (await host.ExecAsync(["systemctl", "show", WgQuickUnit, "--property=ActiveState,ExecMainStartTimestampMonotonic"])).EnsureSuccess().Stdout;
        var failed = (await host.ExecAsync(["systemctl", "--failed", "--no-legend", "--plain"])).EnsureSuccess().Stdout;
        var journal = await host.JournalEntriesAsync();
        var link = await host.ExecAsync(["ip", "link", "show", "wg0"]);
        var userspace = await host.ExecAsync(["pgrep", "-x", "wireguard-go"]);

        Assert.Equal("failed", killswitch.Stdout.Trim());
        Assert.Equal(["ActiveState=inactive", "ExecMainStartTimestampMonotonic=0"], wgQuick.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));
        Assert.NotNull(journal.FirstJobRecord(WgQuickUnit, JournalMarks.UnitFailedId, "dependency"));
        Assert.Null(journal.FirstOutput(WgQuickUnit, "ip link add wg0"));
        Assert.False(link.Succeeded, $"wg0 exists although the kill switch failed: {link.Stdout}");
        Assert.Equal(1, userspace.ExitCode);
        // Nothing else in this host pulls network-pre.target in (nftables.service is not enabled here; a plain
        // boot of the rootfs never reaches it): the kill switch's Wants= did, and it holds even when it fails.
        Assert.NotNull(journal.FirstJobRecord("network-pre.target", JournalMarks.UnitStartedId, "done"));
        Assert.StartsWith(AgentPackage.KillswitchUnit, Assert.Single(failed.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
        // Started by hand later, when network-online.target is long reached and no longer holds wg-quick
        // back: only the drop-in's After= keeps it from running alongside the failing kill switch.
        var manual = await host.ExecAsync(["systemctl", "start", WgQuickUnit]);
        var linkAfterManual = await host.ExecAsync(["ip", "link", "show", "wg0"]);
        var activeAfterManual = await host.ExecAsync(["systemctl", "is-active", WgQuickUnit]);
        var manualJournal = await host.JournalEntriesAsync(WgQuickUnit);

        Assert.False(manual.Succeeded, $"systemctl start {WgQuickUnit} succeeded with a failing kill switch");
        Assert.Contains("dependency", manual.Stderr, StringComparison.Ordinal);
        Assert.False(linkAfterManual.Succeeded, $"wg0 exists after a manual start: {linkAfterManual.Stdout}");
        Assert.Equal("inactive", activeAfterManual.Stdout.Trim());
        Assert.Null(manualJournal.FirstOutput(WgQuickUnit, "ip link add wg0"));
        output.WriteLine(string.Join('\n', journal.Where(e => e.Unit == AgentPackage.KillswitchUnit || e.Unit == WgQuickUnit || e.SystemdUnit == AgentPackage.KillswitchUnit)));
    }

    private static async Task PrepareAsync(BootedHost host, TunnelConfig tunnel, string failure)
    {
        await AgentInstaller.InstallSystemdFilesAsync(host);
        await AgentInstaller.InstallTunnelConfigAsync(host, tunnel);
        await host.WriteFileAsync(AgentPackage.ConfigPath, LabAgentConfig.TunnelEgress());
        switch (failure)
        {
            case "exits-1":
                await host.WriteFileAsync(AgentPackage.WgAgentPath, FailingStandIn, AgentPackage.ExecutableMode);
                break;
            case "binary-missing":
                // Nothing at /usr/sbin/wgagent: systemd fails the unit with 203/EXEC.
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(failure), failure, "unknown failure case");
        }

        await host.EnableUnitAsync(AgentPackage.KillswitchUnit);
        await host.EnableUnitAsync($"wg-quick@{TunnelConfig.InterfaceName}.service");
    }
}
