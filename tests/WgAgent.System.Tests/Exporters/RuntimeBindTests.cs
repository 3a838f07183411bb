using WgAgent.System.Tests.Booting;
using Xunit.Abstractions;

namespace WgAgent.System.Tests.Exporters;

/// <summary>
/// On a running node without a tunnel: `wgagent exporters bind` moves the stock node_exporter from every address to
/// the WireGuard addresses only (which do not exist yet), idempotently; `wgagent cleanup` puts everything back.
/// </summary>
[Collection(ExporterBindingCollection.Name)]
public sealed class RuntimeBindTests(ExporterBindingFixture fixture, ITestOutputHelper output)
    : BootedLabTests<ExporterBindingFixture>(fixture, output)
{
    private RuntimeBindRecord Runtime => Fixture.Runtime;

    [Fact]
    public void Bind_StockExporterAndNoTunnel_OnlyTunnelAddressesListen()
    {
        Assert.Equal(["*:9100"], Runtime.StockListeners);
        Assert.False(Runtime.Wg0BeforeBind.Succeeded, $"wg0 exists on the first boot: {Runtime.Wg0BeforeBind.Stdout}");

        Assert.True(Runtime.Bind.Succeeded, Runtime.Bind.Describe());
        Assert.Equal(ExporterNames.TunnelEndpoints.Order(StringComparer.Ordinal), Runtime.BoundListeners);
        Output.WriteLine($"first boot {Fixture.FirstBoot.TotalSeconds:0.00} s; bind took {Runtime.Bind.Elapsed.TotalMilliseconds:0} ms:\n{Runtime.Bind.Stdout}");
    }

    [Fact]
    public void Bind_FirstTime_SaysWhereAndWhatItWroteAndRestarted()
    {
        var lines = Lines(Runtime.Bind.Stdout);

        Assert.Equal(
        [
            "wgagent: exporters bind: node (prometheus-node-exporter.service) listens only on 10.77.0.2:9100, [fd77::2]:9100 through wgagent-exporter-node.socket",
            $"wgagent: exporters bind: wrote {ExporterNames.SocketPath}",
            $"wgagent: exporters bind: wrote {ExporterNames.DropInPath}",
            "wgagent: exporters bind: restarted prometheus-node-exporter.service",
        ], lines);
        Assert.Equal(string.Empty, Runtime.Bind.Stderr);
        Assert.Equal([ExporterNames.DropInPath, ExporterNames.SocketPath], Runtime.Files.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Bind_SecondTime_NothingChanged()
    {
        Assert.True(Runtime.SecondBind.Succeeded, Runtime.SecondBind.Describe());
        Assert.Contains("wgagent: exporters bind: already in place; nothing changed", Runtime.SecondBind.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("wrote", Runtime.SecondBind.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("restarted", Runtime.SecondBind.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_AfterBindWithoutTunnel_BoundFromTheKernelsTables()
    {
        Assert.True(Runtime.Check.Succeeded, Runtime.Check.Describe());
        Assert.Equal(["wgagent: exporters check: node (prometheus-node-exporter.service) :9100: bound: listening on 10.77.0.2, fd77::2; expected 10.77.0.2, fd77::2"],
            Lines(Runtime.Check.Stdout));
    }

    [Fact]
    public void Verify_GeneratedSocketAndDropIn_SystemdHasNoComplaint()
    {
        Assert.True(Runtime.Verify.Succeeded, Runtime.Verify.Describe());
        Assert.Equal(string.Empty, (Runtime.Verify.Stdout + Runtime.Verify.Stderr).Trim());
    }

    [Fact]
    public void Cleanup_AfterBind_FilesAndTableGoneAndStockExporterBackOnEveryAddress()
    {
        Assert.True(Runtime.Cleanup.Succeeded, Runtime.Cleanup.Describe());
        Assert.Equal(
        [
            $"wgagent: cleanup: removed {ExporterNames.DropInPath}",
            $"wgagent: cleanup: removed {ExporterNames.SocketPath}",
            "wgagent: cleanup: restarted prometheus-node-exporter.service with its own configuration",
            "wgagent: cleanup: removed table inet wgagent",
        ], Lines(Runtime.Cleanup.Stdout));
        Assert.True(Runtime.LeftoversAfterCleanup.Succeeded, Runtime.LeftoversAfterCleanup.Describe());
        Assert.Equal(string.Empty, Runtime.LeftoversAfterCleanup.Stdout.Trim());
        Assert.Equal(["*:9100"], Runtime.RestoredListeners);
        Assert.DoesNotContain("--web.systemd-socket", Runtime.RestoredExecStart, StringComparison.Ordinal);
        Assert.Contains("path=/usr/bin/prometheus-node-exporter", Runtime.RestoredExecStart, StringComparison.Ordinal);
        Assert.False(Runtime.TableAfterCleanup.Succeeded, $"table inet wgagent still listed: {Runtime.TableAfterCleanup.Stdout}");
        Output.WriteLine($"cleanup took {Runtime.Cleanup.Elapsed.TotalMilliseconds:0} ms:\n{Runtime.Cleanup.Stdout}");
    }

    [Fact]
    public void Cleanup_SecondTime_NothingLeftExit0()
    {
        Assert.True(Runtime.SecondCleanup.Succeeded, Runtime.SecondCleanup.Describe());
        Assert.Equal(
        [
            "wgagent: cleanup: no unit files or drop-ins of wgagent's in /etc/systemd/system or /run/systemd/system",
            "wgagent: cleanup: table inet wgagent was not loaded",
        ], Lines(Runtime.SecondCleanup.Stdout));
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
