using System.Diagnostics;
using WgAgent.Lab.Netns;
using WgAgent.Lab.Nspawn;
using Xunit;
using Xunit.Abstractions;

namespace WgAgent.System.Tests.Nspawn;

/// <summary>
/// The booted-host fixture itself, on a scratch namespace without the lab network: that it boots a
/// real systemd, keeps the cache pristine, leaves nothing behind, and fails loudly with the reason.
/// </summary>
public sealed class BootedHostTests(ITestOutputHelper output)
{
    private const string FailedUnitName = "wglab-always-fails.service";

    [Fact]
    public async Task BootAsync_FreshOverlay_RunningAndCacheUntouched()
    {
        using var ns = Scratch.Create();
        await using var host = await BootedHost.StartAsync(Options(ns));

        var state = await host.ExecAsync(["systemctl", "is-system-running"]);
        var marker = await host.ExecAsync(["sh", "-c", "echo inside > /etc/wglab-marker && cat /proc/1/comm"]);

        output.WriteLine($"boot took {host.BootDuration!.Value.TotalSeconds:0.00} s");
        Assert.Equal("running", state.Stdout.Trim());
        Assert.Equal("systemd", marker.EnsureSuccess().Stdout.Trim());
        Assert.True(File.Exists(Path.Combine(host.RootPath, "etc", "wglab-marker")), "write inside is not visible in the overlay");
        Assert.False(File.Exists(Path.Combine(host.Rootfs, "etc", "wglab-marker")), "write inside reached the shared rootfs cache");
    }

    [Fact]
    public async Task WriteFileAsync_SecretBeforeBoot_InsideWithMode600()
    {
        using var ns = Scratch.Create();
        const UnixFileMode secret = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        await using var host = await BootedHost.StartAsync(
            Options(ns), h => h.WriteFileAsync("/etc/wireguard/test.conf", "[Interface]\n", secret));

        var stat = await host.ExecAsync(["stat", "-c", "%a %U %s", "/etc/wireguard/test.conf"]);

        Assert.Equal("600 root 12", stat.EnsureSuccess().Stdout.Trim());
    }

    [Fact]
    public async Task BootAsync_UnitFails_ThrowsNamingUnitAndConsole()
    {
        using var ns = Scratch.Create();
        var stopwatch = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<BootedHostException>(() => BootedHost.StartAsync(Options(ns), async h =>
        {
            await h.WriteFileAsync($"/etc/systemd/system/{FailedUnitName}",
                "[Unit]\nDescription=fails on purpose\n[Service]\nType=oneshot\nExecStart=/bin/false\n[Install]\nWantedBy=multi-user.target\n");
            await h.EnableUnitAsync(FailedUnitName);
        }));

        output.WriteLine(error.Message);
        Assert.Contains("degraded", error.Message, StringComparison.Ordinal);
        Assert.Contains(FailedUnitName, error.Message, StringComparison.Ordinal);
        Assert.Contains("console", error.Message, StringComparison.Ordinal);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(60), "a failed boot was reported only at the timeout");
    }

    [Fact]
    public async Task DisposeAsync_BootedHost_NoProcessMountOrFolderLeft()
    {
        using var ns = Scratch.Create();
        var host = await BootedHost.StartAsync(Options(ns));
        var leader = host.LeaderPid!.Value;
        var folder = Path.GetDirectoryName(host.RootPath)!;

        await host.DisposeAsync();

        Assert.False(Directory.Exists($"/proc/{leader}"), $"container PID 1 ({leader}) still runs");
        Assert.False(Directory.Exists(folder), $"{folder} still exists");
        Assert.DoesNotContain(File.ReadAllLines("/proc/self/mountinfo"), line => line.Contains(host.MachineName, StringComparison.Ordinal));
    }

    [Fact]
    public async Task PowerOffAsync_Running_StopsCleanlyThroughSystemd()
    {
        using var ns = Scratch.Create();
        await using var host = await BootedHost.StartAsync(Options(ns));
        var stopwatch = Stopwatch.StartNew();

        var clean = await host.PowerOffAsync();

        output.WriteLine($"power-off took {stopwatch.Elapsed.TotalSeconds:0.00} s");
        Assert.True(clean, "the container had to be killed");
        Assert.False(host.IsRunning);
        // systemd-shutdown's last word on the console: the container really went down through systemd.
        Assert.Contains("Powering off.", await File.ReadAllTextAsync(host.ConsoleLogPath), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SweepAsync_OwnerDead_KillsUnmountsAndDeletes()
    {
        using var ns = Scratch.Create();
        await using var host = await BootedHost.StartAsync(Options(ns));
        var folder = Path.GetDirectoryName(host.RootPath)!;
        var leader = host.LeaderPid!.Value;
        // Pretend the run that booted it died: its owner becomes a process that has exited.
        using (var gone = Process.Start("sleep", "60"))
        {
            var identity = ProcessIdentityOf(gone.Id);
            gone.Kill();
            await gone.WaitForExitAsync();
            await File.WriteAllTextAsync(Path.Combine(folder, "owner"), identity);
        }

        await StaleMachines.SweepAsync(output.WriteLine);

        Assert.False(Directory.Exists($"/proc/{leader}"), $"container PID 1 ({leader}) survived the sweep");
        Assert.False(Directory.Exists(folder), $"{folder} survived the sweep");
    }

    [Fact]
    public async Task SweepAsync_OwnerAlive_LeavesHostRunning()
    {
        using var ns = Scratch.Create();
        await using var host = await BootedHost.StartAsync(Options(ns));

        await StaleMachines.SweepAsync(output.WriteLine);

        Assert.True(host.IsRunning, "the sweep stopped a host whose owner is alive");
        Assert.True(Directory.Exists(host.RootPath));
    }

    private BootedHostOptions Options(ScratchNamespace ns) =>
        new() { NetworkNamespacePath = ns.Path, Log = output.WriteLine, BootTimeout = TimeSpan.FromSeconds(60) };

    // "PID STARTTIME" as the fixture records owners (fields after the command name; starttime is field 22).
    private static string ProcessIdentityOf(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        return $"{pid} {stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[19]}";
    }
}
