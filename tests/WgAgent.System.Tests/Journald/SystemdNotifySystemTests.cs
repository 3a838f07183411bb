using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Xunit.Abstractions;

namespace WgAgent.System.Tests.Journald;

/// <summary>
/// WgAgent.Hosting.Systemd under the real systemd 252 of a booted Debian 12: systemd-probe as a Type=notify
/// unit with WatchdogSec=, started, watched and stopped with systemctl.
/// </summary>
[Collection(ProbeHostCollection.Name)]
public sealed class SystemdNotifySystemTests(ProbeHostFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task ProbeService_TypeNotifyWithWatchdog_ReadyStatusKeepAlivesAndGracefulStop()
    {
        var host = fixture.Host;
        var unit = $"wgprobe-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}.service";
        await host.WriteFileAsync($"/etc/systemd/system/{unit}", $"""
            [Unit]
            Description=systemd-probe (WgAgent.Hosting.Systemd system test)

            [Service]
            Type=notify
            ExecStart={string.Join(' ', TestProbe.Systemd.Command())}
            WatchdogSec=2
            TimeoutStartSec=30
            TimeoutStopSec=15
            """);
        (await host.ExecAsync(["systemctl", "daemon-reload"])).EnsureSuccess();

        // Type=notify: systemctl start returns only once READY=1 arrived (the probe sends it after 0.5 s).
        var clock = Stopwatch.StartNew();
        var start = await host.ExecAsync(["systemctl", "start", unit], TimeSpan.FromSeconds(60));
        output.WriteLine($"systemctl start took {clock.Elapsed.TotalSeconds:0.00} s");
        Assert.True(start.Succeeded, start.Describe() + "\n" + await JournalAsync(unit));
        var running = await ShowAsync(unit);
        await Task.Delay(TimeSpan.FromSeconds(5)); // 2.5 watchdog periods
        var later = await ShowAsync(unit);
        var stop = await host.ExecAsync(["systemctl", "stop", unit], TimeSpan.FromSeconds(60));
        var stopped = await ShowAsync(unit);
        var journal = await JournalAsync(unit);
        output.WriteLine(journal);

        Assert.True(clock.Elapsed > TimeSpan.FromSeconds(0.5));
        Assert.Equal("active", running["ActiveState"]);
        Assert.Equal("running", running["SubState"]);
        // The address came from NOTIFY_SOCKET, the parent check saw systemd, and children no longer inherit it.
        Assert.Equal("probe ready; service=True; children get NOTIFY_SOCKET=unset", running["StatusText"]);
        Assert.Equal("active", later["ActiveState"]);
        Assert.Equal("0", later["NRestarts"]);
        // WatchdogTimestamp moves with every WATCHDOG=1 the manager accepts.
        Assert.True(
            long.Parse(later["WatchdogTimestampMonotonic"], CultureInfo.InvariantCulture) > long.Parse(running["WatchdogTimestampMonotonic"], CultureInfo.InvariantCulture),
            $"no keep-alive in 5 s: {running["WatchdogTimestampMonotonic"]} then {later["WatchdogTimestampMonotonic"]}");
        Assert.True(stop.Succeeded, stop.Describe());
        // SIGTERM went through the host: RunAsync returned and the probe printed its last line. (The exit code
        // cannot be read back: systemd unloads the stopped, unreferenced unit at once.)
        Assert.Equal("success", stopped["Result"]);
        Assert.Contains("systemd-probe: exited gracefully", journal, StringComparison.Ordinal);
        Assert.DoesNotContain("Watchdog timeout", journal, StringComparison.Ordinal);
    }

    private async Task<Dictionary<string, string>> ShowAsync(string unit)
    {
        var show = (await fixture.Host.ExecAsync(
        [
            "systemctl", "show", unit, "--property=ActiveState,SubState,StatusText,NRestarts,WatchdogTimestampMonotonic,Result",
        ])).EnsureSuccess();
        return show.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('=', 2))
            .ToDictionary(parts => parts[0], parts => parts.Length > 1 ? parts[1] : string.Empty);
    }

    private async Task<string> JournalAsync(string unit) =>
        (await fixture.Host.ExecAsync(["journalctl", "--no-pager", "--output=short-monotonic", "--unit", unit])).Stdout.Trim();
}
