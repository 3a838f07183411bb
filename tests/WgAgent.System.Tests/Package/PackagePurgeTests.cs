using WgAgent.Lab.Installing;
using WgAgent.Lab.Probes;
using WgAgent.System.Tests.Booting;
using Xunit.Abstractions;

namespace WgAgent.System.Tests.Package;

/// <summary>
/// (5) <c>apt-get purge wgagent</c>: no table inet wgagent, no file of wgagent's in systemd's directories, no config, no
/// state, no unit left loaded; node_exporter runs from Debian's own unit again and listens as it did before wgagent;
/// the tunnel (not wgagent's) stays up and the group stays (see packaging/scripts/postrm).
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class PackagePurgeTests(PackageFixture fixture, ITestOutputHelper output)
    : BootedLabTests<PackageFixture>(fixture, output)
{
    [Fact]
    public void Purge_Installed_NothingOfWgagentLeft()
    {
        var purge = Fixture.Purge.Record;
        Output.WriteLine($"$ apt-get purge --yes wgagent   (exit {purge.Apt.ExitCode}, {purge.Apt.Elapsed.TotalSeconds:0.0} s)\n{AptOutput.Readable(purge.Apt)}");
        Output.WriteLine($"nft list tables: {(purge.Tables.Length == 0 ? "(none)" : purge.Tables)}");
        Output.WriteLine($"marked files: {purge.MarkedFiles.Count}; leftovers: {(purge.Leftovers.Count == 0 ? "none" : string.Join(", ", purge.Leftovers))}; loaded units: {(purge.LoadedUnits.Length == 0 ? "none" : purge.LoadedUnits)}");
        Output.WriteLine($"dpkg-query --show wgagent: exit {purge.Query.ExitCode} {purge.Query.Stderr.Trim()}");

        Assert.True(purge.Apt.Succeeded, $"{purge.Apt.Describe()}\n{purge.Apt.Stdout}");
        Assert.Empty(AptOutput.AlarmingLines(purge.Apt));
        Assert.DoesNotContain("wgagent", purge.Tables, StringComparison.Ordinal);
        Assert.Empty(purge.MarkedFiles);
        Assert.Empty(purge.Leftovers);
        Assert.Equal(string.Empty, purge.LoadedUnits);
        Assert.False(purge.Query.Succeeded, $"dpkg still knows wgagent: {purge.Query.Stdout}");
    }

    [Fact]
    public void Purge_Installed_ExporterBackOnItsStockUnitListeningAsStock()
    {
        var purge = Fixture.Purge.Record;
        Output.WriteLine($"node_exporter: {string.Join("; ", purge.Exporter.Select(p => $"{p.Key}={p.Value}"))}");
        Output.WriteLine($":9100 after the purge: {string.Join(", ", purge.Listeners)}");

        Assert.Equal("active", purge.Exporter["ActiveState"]);
        Assert.Contains("argv[]=/usr/bin/prometheus-node-exporter $ARGS ", purge.Exporter["ExecStart"], StringComparison.Ordinal);
        Assert.DoesNotContain("--web.systemd-socket", purge.Exporter["ExecStart"], StringComparison.Ordinal);
        Assert.Equal(["*:9100"], purge.Listeners);
    }

    [Fact]
    public void Purge_Installed_EgressOpenAgainTunnelAndGroupKept()
    {
        var purge = Fixture.Purge.Record;
        Output.WriteLine("node to inet outside the tunnel after the purge:\n  " + string.Join("\n  ", purge.EgressAfter));
        Output.WriteLine($"{PackageFixture.TunnelUnit}: {purge.Tunnel}; getent group {AgentPackage.StatusGroup}: {purge.Group.Stdout.Trim()}");

        Assert.All(purge.EgressAfter, ProbeAssert.Reachable);
        Assert.Equal("active", purge.Tunnel);
        Assert.True(purge.Group.Succeeded, $"the group went on purge: {purge.Group.Describe()}");
    }
}
