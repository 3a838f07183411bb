using System.Diagnostics;
using WgAgent.Lab.Netns;
using WgAgent.Lab.Processes;
using WgAgent.Lab.Tests.Firewall;
using Xunit.Abstractions;

namespace WgAgent.Lab.Tests.Daemon;

/// <summary>
/// The published daemon in a namespace of its own: the sd_notify conversation (STATUS=, READY=1 when the tunnel is up or
/// the wait timed out, RELOADING=1 + MONOTONIC_USEC and READY=1 around a reload, STOPPING=1), the kill switch it holds
/// through a broken reload, and its repair of a removed table. wg0 here is a veth pair end named wg0: the daemon watches
/// the name through netlink, whatever the link type.
/// </summary>
[Trait("lab", "level-1")]
public sealed class DaemonProcessTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Run_TunnelNeverUp_ReadyAfterTheWaitWithDegradedStatusAndTheTableInPlace()
    {
        await using var scratch = await Scratch.CreateAsync();
        await using var daemon = DaemonUnderTest.Start(scratch, wg => DaemonTestConfigs.Open(wg, waitSeconds: 1), DaemonTestConfigs.Tunnel);
        var started = Stopwatch.GetTimestamp();

        var waiting = await daemon.WaitForStatusAsync("waiting for wg0", Patience);
        var ready = await daemon.WaitForReadyAsync(Patience);
        output.WriteLine(string.Join("\n", daemon.Messages));

        Assert.Equal("31000000", daemon.Messages.Select(m => m.Value("EXTEND_TIMEOUT_USEC")).First(v => v is not null));
        Assert.Equal("kill switch verified; waiting for wg0; no exporters configured", waiting.Value("STATUS"));
        Assert.True(ready.MillisecondsAfter(started) >= 1000, $"READY after {ready.MillisecondsAfter(started):0} ms, before the 1 s wait ended");
        var status = daemon.Messages.Last(m => m.Value("STATUS") is not null).Value("STATUS");
        Assert.Equal("degraded: wg0 not up after 1 s; kill switch verified; no exporters configured", status);
        Assert.Contains("table inet wgagent", await scratch.ListTableAsync());
    }

    [Fact]
    public async Task Run_TunnelComesUp_ReadyWithinASecondOfItsAddress()
    {
        await using var scratch = await Scratch.CreateAsync();
        await using var daemon = DaemonUnderTest.Start(scratch, wg => DaemonTestConfigs.Open(wg, waitSeconds: 60), DaemonTestConfigs.Tunnel);
        await daemon.WaitForStatusAsync("waiting for wg0", Patience);
        Assert.DoesNotContain(daemon.Messages, m => m.Value("READY") == "1");

        var up = await DaemonTestConfigs.BringUpTunnelAsync(scratch);
        var ready = await daemon.WaitForReadyAsync(Patience);
        output.WriteLine($"READY {ready.MillisecondsAfter(up):0.0} ms after `ip link set wg0 up` returned\n{string.Join("\n", daemon.Messages)}");

        Assert.True(ready.MillisecondsAfter(up) < 1000, $"READY {ready.MillisecondsAfter(up):0} ms after the tunnel came up");
        Assert.Equal("kill switch verified; wg0 up 10.77.0.2; no exporters configured",
            daemon.Messages.Last(m => m.Value("STATUS") is not null).Value("STATUS"));
    }

    [Fact]
    public async Task Reload_BrokenConfig_KeepsTheTableAndShowsTheDiagnostic_ThenAGoodOneIsApplied()
    {
        await using var scratch = await Scratch.CreateAsync();
        await using var daemon = DaemonUnderTest.Start(scratch, wg => DaemonTestConfigs.Open(wg, waitSeconds: 60), DaemonTestConfigs.Tunnel);
        await DaemonTestConfigs.BringUpTunnelAsync(scratch);
        await daemon.WaitForReadyAsync(Patience);
        var before = await scratch.ListTableAsync();

        var wg0 = Path.Combine(Path.GetDirectoryName(daemon.ConfigPath)!, "wg0.conf");
        await File.WriteAllTextAsync(daemon.ConfigPath, DaemonTestConfigs.Open(wg0, waitSeconds: 60).Replace("egress = \"open\"", "egress = \"opne\"", StringComparison.Ordinal));
        var mark = daemon.Messages.Count;
        daemon.Reload();
        var reloading = await daemon.WaitForAsync(m => m.Value("RELOADING") == "1", Patience, mark);
        var broken = await daemon.WaitForStatusAsync("is broken", Patience, mark);
        await daemon.WaitForReadyAsync(Patience, mark);
        output.WriteLine(string.Join("\n", daemon.Messages.Skip(mark)));

        Assert.NotNull(reloading.Value("MONOTONIC_USEC"));
        Assert.StartsWith($"degraded: {daemon.ConfigPath} is broken, the previous policy is kept", broken.Value("STATUS"));
        Assert.Equal(before, await scratch.ListTableAsync());
        Assert.Contains($"{daemon.ConfigPath}:7:10: error", daemon.Log);

        await File.WriteAllTextAsync(daemon.ConfigPath, DaemonTestConfigs.Open(wg0, waitSeconds: 60).Replace("tcp/22", "tcp/2222", StringComparison.Ordinal)
            .Replace("inbound = \"open\"", "inbound = \"restricted\"", StringComparison.Ordinal));
        mark = daemon.Messages.Count;
        daemon.Reload();
        await daemon.WaitForReadyAsync(Patience, mark);
        var healthy = daemon.Messages.Skip(mark).Last(m => m.Value("STATUS") is not null).Value("STATUS");
        var after = await scratch.ListTableAsync();
        output.WriteLine(after);

        Assert.Equal("kill switch verified; wg0 up 10.77.0.2; no exporters configured", healthy);
        Assert.NotEqual(before, after);
        Assert.Contains("2222", after);
    }

    [Fact]
    public async Task Run_TableDeletedOrFlushed_PutBackWithinOneSecond()
    {
        await using var scratch = await Scratch.CreateAsync();
        await using var daemon = DaemonUnderTest.Start(scratch, wg => DaemonTestConfigs.Open(wg, waitSeconds: 1), DaemonTestConfigs.Tunnel);
        await daemon.WaitForReadyAsync(Patience);
        var held = await scratch.ListTableAsync();

        foreach (var attack in new[] { new[] { "delete", "table", "inet", "wgagent" }, ["flush", "ruleset"], ["add", "rule", "inet", "wgagent", "output", "accept"] })
        {
            (await scratch.NftAsync(attack)).EnsureSuccess();
            var done = Stopwatch.GetTimestamp();
            var back = await WaitForTableAsync(scratch, held, TimeSpan.FromSeconds(3));
            output.WriteLine($"nft {string.Join(' ', attack)}: table back {Stopwatch.GetElapsedTime(done).TotalMilliseconds:0} ms later");
            Assert.True(back, $"after `nft {string.Join(' ', attack)}` the table was not put back within 3 s; log:\n{daemon.Log}");
            Assert.True(Stopwatch.GetElapsedTime(done) < TimeSpan.FromSeconds(1), $"after `nft {string.Join(' ', attack)}` the table took {Stopwatch.GetElapsedTime(done).TotalMilliseconds:0} ms to come back");
        }

        Assert.Contains("repaired and verified", daemon.Log);
    }

    [Fact]
    public async Task Stop_Sigterm_SaysStoppingExitsZeroAndLeavesTheTable()
    {
        await using var scratch = await Scratch.CreateAsync();
        await using var daemon = DaemonUnderTest.Start(scratch, wg => DaemonTestConfigs.Open(wg, waitSeconds: 1), DaemonTestConfigs.Tunnel);
        await daemon.WaitForReadyAsync(Patience);

        var exit = await daemon.StopAsync(TimeSpan.FromSeconds(15));
        output.WriteLine(daemon.Log);

        Assert.Equal(0, exit);
        Assert.Contains(daemon.Messages, m => m.Value("STOPPING") == "1");
        Assert.Contains("table inet wgagent", await scratch.ListTableAsync());
    }

    private static async Task<bool> WaitForTableAsync(ScratchNamespace scratch, string expected, TimeSpan timeout)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            var listed = await scratch.NftAsync(["list", "table", "inet", "wgagent"]);
            if (listed.Succeeded && listed.Stdout == expected)
            {
                return true;
            }

            await Task.Delay(20);
        }

        return false;
    }
}
