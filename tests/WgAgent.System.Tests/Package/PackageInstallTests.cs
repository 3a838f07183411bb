using WgAgent.Lab.Installing;
using WgAgent.Lab.Probes;
using WgAgent.System.Tests.Booting;
using WgAgent.System.Tests.Exporters;
using Xunit.Abstractions;
using static WgAgent.System.Tests.DaemonLifecycle.Evidence;

namespace WgAgent.System.Tests.Package;

/// <summary>
/// (1) <c>apt-get install ./wgagent_VERSION_amd64.deb</c> on a running Debian 12 that has never seen wgagent: it installs
/// offline, says nothing alarming, creates the status group, enables both units, starts only the kill switch (the
/// tunnel is not up, so the daemon waits), and moves nothing; then the operator's config and <c>enable --now</c>.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class PackageInstallTests(PackageFixture fixture, ITestOutputHelper output)
    : BootedLabTests<PackageFixture>(fixture, output)
{
    [Fact]
    public void AptInstall_FreshHost_QuietAndStartsOnlyTheKillswitch()
    {
        var install = Fixture.Install.Record;
        Output.WriteLine($"$ apt-get install --yes /var/tmp/{DebPackages.FileName(Fixture.Packages.BaseVersion)}   (exit {install.Apt.ExitCode}, {install.Apt.Elapsed.TotalSeconds:0.0} s)");
        Output.WriteLine(AptOutput.Readable(install.Apt));
        Output.WriteLine($"after it: {Describe(install.ActiveAfterApt)}; enabled: {Describe(install.EnabledAfterApt)}; group: {install.Group.Stdout.Trim()}; :9100 {string.Join(", ", install.ListenersAfterApt)}");
        Output.WriteLine($"fixture notes: {string.Join(" | ", Fixture.Notes)}");

        Assert.True(install.Apt.Succeeded, $"{install.Apt.Describe()}\n{install.Apt.Stdout}");
        Assert.Empty(AptOutput.AlarmingLines(install.Apt));
        Assert.Equal("", install.TablesBefore);
        Assert.Equal("active", install.ActiveAfterApt[AgentPackage.KillswitchUnit]);
        // Not started: wg-quick@wg0 was not running, and the daemon's Wants= would have started it.
        Assert.Equal("inactive", install.ActiveAfterApt[AgentPackage.DaemonUnit]);
        Assert.Equal("inactive", install.ActiveAfterApt[PackageFixture.TunnelUnit]);
        Assert.Contains("not started", install.Apt.Stdout, StringComparison.Ordinal);
        Assert.All(install.EnabledAfterApt.Values, state => Assert.Equal("enabled", state));
        Assert.True(install.TableAfterApt.Succeeded, $"no table inet wgagent after the install: {install.TableAfterApt.Describe()}\n{install.Journal}");
        Assert.True(install.Group.Succeeded, $"no group {AgentPackage.StatusGroup}: {install.Group.Describe()}");
        // The shipped defaults move no exporter: Debian's node_exporter still listens as it did.
        Assert.Equal(["*:9100"], install.ListenersAfterApt);
    }

    [Fact]
    public void AptInstall_BeforeAnything_EgressProbeGetsThrough()
    {
        var before = Fixture.Install.Record.EgressBefore;
        Output.WriteLine("the control for every egress probe later (no table yet):\n  " + string.Join("\n  ", before));
        Assert.All(before, ProbeAssert.Reachable);
    }

    [Fact]
    public void EnableNow_LabConfig_TunnelUpAndExporterOnTheTunnelAddress()
    {
        var install = Fixture.Install.Record;
        Output.WriteLine(Invariant($"$ systemctl enable --now wgagent.service: exit {install.EnableNow.ExitCode} in {install.EnableNow.Elapsed.TotalMilliseconds:0} ms; {Describe(install.ActiveAfterEnable)}"));
        Output.WriteLine($":9100 {string.Join(", ", install.ListenersAfterApt)} -> {string.Join(", ", install.ListenersAfterEnable)}");

        Assert.True(install.EnableNow.Succeeded, $"{install.EnableNow.Describe()}\n{install.Journal}");
        Assert.All(install.ActiveAfterEnable.Values, state => Assert.Equal("active", state));
        Assert.Equal(ExporterNames.TunnelEndpoints.Order(StringComparer.Ordinal), install.ListenersAfterEnable);
    }

    private static string Describe(IReadOnlyDictionary<string, string> states) =>
        string.Join(", ", states.Select(s => $"{s.Key} {s.Value}"));
}
