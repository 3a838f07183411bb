using System.Diagnostics;
using WgAgent.Status.Bench.Node;

namespace WgAgent.Status.Bench.Load;

/// <summary>
/// Reads a server process and this process at the start and end of a measured window, and the server's RSS
/// every 250 ms in between.
/// </summary>
internal sealed class WindowSampler : IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);
    private readonly int pid;
    private readonly ProcStat first;
    private readonly TimeSpan generatorFirst;
    private readonly long startedAt;
    private readonly CancellationTokenSource stop = new();
    private readonly Task<(long RssMax, int ThreadsMax)> sampling;

    private WindowSampler(int pid)
    {
        this.pid = pid;
        first = ProcStat.Read(pid);
        generatorFirst = Process.GetCurrentProcess().TotalProcessorTime;
        startedAt = Stopwatch.GetTimestamp();
        sampling = Task.Run(() => SampleAsync(stop.Token));
    }

    /// <summary>Starts sampling <paramref name="pid"/> now.</summary>
    public static WindowSampler Start(int pid) => new(pid);

    /// <summary>Ends the window: the server's footprint, this process's CPU % of one CPU and the 1-minute load average.</summary>
    public async Task<(ServerFootprint Server, double GeneratorCpuPercent, double LoadAverage)> StopAsync()
    {
        var last = ProcStat.Read(pid);
        var generator = Process.GetCurrentProcess().TotalProcessorTime - generatorFirst;
        var elapsedMs = Stopwatch.GetElapsedTime(startedAt).TotalMilliseconds;
        await stop.CancelAsync();
        var (rssMax, threadsMax) = await sampling;
        var server = new ServerFootprint(
            (last.Ticks - first.Ticks) * ProcStat.TickMs / elapsedMs * 100,
            (last.SystemTicks - first.SystemTicks) * ProcStat.TickMs / elapsedMs * 100,
            (last.ChildTicks - first.ChildTicks) * ProcStat.TickMs / elapsedMs * 100,
            first.RssKiB / 1024.0,
            Math.Max(rssMax, last.RssKiB) / 1024.0,
            last.RssKiB / 1024.0,
            last.HwmKiB / 1024.0,
            Math.Max(threadsMax, last.Threads));
        var load = double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        return (server, generator.TotalMilliseconds / elapsedMs * 100, load);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try
        {
            await sampling;
        }
        catch (Exception e) when (e is IOException or OperationCanceledException)
        {
            // The process went away; the window's figures are then moot anyway.
        }

        stop.Dispose();
    }

    private async Task<(long RssMax, int ThreadsMax)> SampleAsync(CancellationToken cancellationToken)
    {
        var (rss, threads) = (first.RssKiB, first.Threads);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Interval, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            var now = ProcStat.Read(pid);
            (rss, threads) = (Math.Max(rss, now.RssKiB), Math.Max(threads, now.Threads));
        }

        return (rss, threads);
    }
}
