using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;

namespace WgAgent.Hosting.Systemd.Tests;

public sealed class SystemdWatchdogServiceTests
{
    [Fact]
    public async Task ExecuteAsync_WatchdogUsec200ms_KeepAliveEvery100ms()
    {
        using var receiver = NotifyReceiver.AtPath();
        using var notifier = new SystemdNotifier(receiver.NotifySocket);
        var interval = new SystemdEnvironment(receiver.NotifySocket, 200_000, null).GetWatchdogInterval(Environment.ProcessId)!.Value;
        using var service = new SystemdWatchdogService(notifier, interval, NullLogger<SystemdWatchdogService>.Instance);
        var arrivals = new List<TimeSpan>();
        var clock = Stopwatch.StartNew();

        await service.StartAsync(CancellationToken.None);
        while (arrivals.Count < 11 && await receiver.ReceiveAsync(TimeSpan.FromSeconds(5)) is { } text)
        {
            Assert.Equal("WATCHDOG=1", text);
            arrivals.Add(clock.Elapsed);
        }

        await service.StopAsync(CancellationToken.None);

        // One at once, then one per 100 ms. The median gap tells 100 ms from 50 (a quarter) or 200 (the
        // whole WATCHDOG_USEC) even when a loaded machine stalls the timer now and then.
        Assert.Equal(TimeSpan.FromMilliseconds(100), interval);
        Assert.Equal(11, arrivals.Count);
        var gaps = arrivals.Zip(arrivals.Skip(1), (a, b) => (b - a).TotalMilliseconds).Order().ToList();
        Assert.True(gaps[gaps.Count / 2] is >= 80 and <= 170, $"median gap {gaps[gaps.Count / 2]} ms; arrivals {string.Join(", ", arrivals)}");
    }

    [Fact]
    public async Task StopAsync_Running_NoMoreKeepAlives()
    {
        using var receiver = NotifyReceiver.Abstract();
        using var notifier = new SystemdNotifier(receiver.NotifySocket);
        using var service = new SystemdWatchdogService(notifier, TimeSpan.FromMilliseconds(50), NullLogger<SystemdWatchdogService>.Instance);

        await service.StartAsync(CancellationToken.None);
        Assert.Equal("WATCHDOG=1", await receiver.ReceiveAsync(TimeSpan.FromSeconds(5)));
        await service.StopAsync(CancellationToken.None);
        while (await receiver.ReceiveAsync(TimeSpan.FromMilliseconds(100)) is not null)
        {
            // drain what was sent before the stop
        }

        Assert.Null(await receiver.ReceiveAsync(TimeSpan.FromMilliseconds(300)));
    }
}
