using WgAgent.Lab.Addressing;
using WgAgent.Lab.Runs;
using WgAgent.Lab.WireGuard;
using Xunit.Abstractions;

namespace WgAgent.Lab.Tests.Lifecycle;

[Collection(LifecycleCollection.Name)]
[Trait("lab", "level-1")]
public sealed class LabLifecycleTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task StartAsync_TwoLabsAtOnce_BothWorkWithTheirOwnWg0()
    {
        var starts = new[] { Lab.StartAsync(), Lab.StartAsync() };
        await Task.WhenAll(starts.Select(s => s.ContinueWith(_ => { }, TaskScheduler.Default)));
        await using var first = await starts[0];
        await using var second = await starts[1];
        output.WriteLine($"{first.Id}: {first.BringUpTime.TotalSeconds:0.00} s, {second.Id}: {second.BringUpTime.TotalSeconds:0.00} s");

        Assert.NotEqual(first.Id, second.Id);
        Assert.Empty(first.NamespaceNames.Intersect(second.NamespaceNames));
        foreach (var (lab, other) in new[] { (first, second), (second, first) })
        {
            // Each node's wg0 is its own: its own key, the other lab's key nowhere in it.
            var wg0 = await lab.Node.WgShowAsync();
            Assert.Contains(lab.NodeTunnel.Keys.PublicKey, wg0, StringComparison.Ordinal);
            Assert.DoesNotContain(other.NodeTunnel.Keys.PublicKey, wg0, StringComparison.Ordinal);

            var ping = await lab.Monitor.PingAsync(LabAddresses.Node.RequiredTunnelV4, Timeout);
            Assert.True(ping.Reachable, $"lab {lab.Id}: {ping}");
            await lab.Prometheus.WaitForTargetUpAsync(TimeSpan.FromSeconds(20));
        }
    }

    [Fact]
    public async Task DisposeAsync_AfterARun_LeavesNothingBehind()
    {
        var lab = await Lab.StartAsync();
        LabFootprint footprint;
        try
        {
            await lab.Node.WaitForHandshakeAsync(lab.MonitorTunnel.Keys.PublicKey, TimeSpan.FromSeconds(10));
            // Something a test might start itself, which dispose must also clean up.
            lab.Inet.Start("sleeper", ["sleep", "600"]);
            footprint = LabFootprint.Of(lab);
            Assert.Contains(footprint.Processes, p => p.Name == "node/wireguard-go");
            Assert.Contains(footprint.Processes, p => p.Name == "monitor/prometheus");
        }
        finally
        {
            await lab.DisposeAsync();
        }

        Assert.Empty(footprint.Remaining());
    }

    [Theory]
    [InlineData("namespaces")]
    [InlineData("anchors")]
    [InlineData("underlay")]
    [InlineData("wireguard")]
    [InlineData("services")]
    [InlineData("ready")]
    public async Task StartAsync_BringUpFailsAfterStep_LeavesNothingBehind(string step)
    {
        LabFootprint? footprint = null;
        var options = new LabOptions { FailAfterStep = step, OnBringUpFailed = lab => footprint = LabFootprint.Of(lab) };

        var error = await Assert.ThrowsAsync<LabException>(() => Lab.StartAsync(options));

        output.WriteLine(error.Message);
        Assert.NotNull(footprint);
        output.WriteLine($"{footprint.NamespaceNames.Count} namespaces, {footprint.NetNamespaces.Count} anchored, {footprint.Processes.Count} processes");
        Assert.Empty(footprint.Remaining());
        Assert.Contains($"failing after step \"{step}\"", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("cleanup failed", error.Message, StringComparison.Ordinal);
        var id = error.Message["lab ".Length..error.Message.IndexOf(':', StringComparison.Ordinal)];
        Assert.Matches("^[0-9a-f]{6}$", id);
        Assert.DoesNotContain(Netns.NamespaceReaper.List(), n => n.StartsWith($"wgl-{id}-", StringComparison.Ordinal));
        Assert.False(Directory.Exists(Path.Combine(LabRun.RunsRoot, id)));
        Assert.DoesNotContain(Directory.EnumerateDirectories("/proc"), p => ReadCmdline(p).Contains($"{LabRun.RunsRoot}/{id}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ExternalNodeTunnel_WgQuickUpWithTheGivenConfig_TunnelWorks()
    {
        await using var lab = await Lab.StartAsync(new LabOptions { ExternalNodeTunnel = true });

        // Nothing of the node's own: no wg0, no exporter.
        Assert.Null(lab.NodeExporter);
        Assert.False((await lab.Node.RunAsync("ip", "link", "show", "wg0")).Succeeded, "node has a wg0 before wg-quick");
        Assert.True(File.Exists(lab.Node.NamespacePath));

        // Play the booted host: wg-quick up from the exposed config, in the node's namespace.
        var config = lab.NodeTunnel.ToWgQuickConfig();
        output.WriteLine(config.Replace(lab.NodeTunnel.Keys.PrivateKey, "(private key)", StringComparison.Ordinal));
        var path = Path.Combine(lab.Run.Directory, "wg0.conf");
        await File.WriteAllTextAsync(path, config);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        (await lab.Node.RunAsync(["wg-quick", "up", path], TimeSpan.FromSeconds(20))).EnsureSuccess();

        var v4 = await lab.Monitor.PingAsync(LabAddresses.Node.RequiredTunnelV4, Timeout);
        var v6 = await lab.Stranger.PingAsync(LabAddresses.Node.RequiredTunnelV6, Timeout);
        Assert.True(v4.Reachable, v4.ToString());
        Assert.True(v6.Reachable, v6.ToString());
        var text = await lab.Node.WgShowAsync();
        Assert.Contains("fwmark: 0xca6c", text, StringComparison.Ordinal);
        await lab.Monitor.WaitForHandshakeAsync(lab.NodeTunnel.Keys.PublicKey, TimeSpan.FromSeconds(10));
    }

    private static string ReadCmdline(string procDirectory)
    {
        try
        {
            return File.ReadAllText(Path.Combine(procDirectory, "cmdline")).Replace('\0', ' ');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }
}
