using System.Collections.Concurrent;
using System.Diagnostics;

namespace WgAgent.System.Tests.Killswitch;

/// <summary>
/// <c>nft monitor tables</c> in a lab network namespace (the booted node shares it, and nftables rulesets
/// are per network namespace), each event line stamped on arrival. Shows when table inet wgagent was
/// deleted and added again, so a test can measure how long it was missing. Killed on dispose.
/// </summary>
public sealed class NftTableMonitor : IDisposable
{
    private static readonly TimeSpan SubscribeTime = TimeSpan.FromMilliseconds(300);

    private readonly Process process;
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly ConcurrentQueue<(TimeSpan At, string Line)> events = new();

    private NftTableMonitor(Process process) => this.process = process;

    /// <summary>The events so far, in order of arrival.</summary>
    public IReadOnlyList<(TimeSpan At, string Line)> Events => [.. events];

    /// <summary>Starts the monitor in <paramref name="namespaceName"/> and gives it a moment to subscribe.</summary>
    public static async Task<NftTableMonitor> StartAsync(string namespaceName)
    {
        var start = new ProcessStartInfo("ip") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "netns", "exec", namespaceName, "nft", "monitor", "tables" })
        {
            start.ArgumentList.Add(arg);
        }

        var process = new Process { StartInfo = start };
        var monitor = new NftTableMonitor(process);
        // nft flushes after each event, so lines arrive as they happen.
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 } line)
            {
                monitor.events.Enqueue((monitor.clock.Elapsed, line.Trim()));
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await Task.Delay(SubscribeTime);
        if (process.HasExited)
        {
            throw new InvalidOperationException($"nft monitor in {namespaceName} exited {process.ExitCode} at once");
        }

        return monitor;
    }

    /// <summary>Forgets the events so far.</summary>
    public void Clear() => events.Clear();

    /// <summary>
    /// Every stretch during which table inet wgagent was gone: from a "delete table inet wgagent" to the
    /// next "add table inet wgagent". wgagent's own replace (delete and add in one transaction) shows as a
    /// stretch of about a millisecond: the time nft takes to print two lines, not a real absence.
    /// </summary>
    public IReadOnlyList<TimeSpan> Absences()
    {
        var result = new List<TimeSpan>();
        TimeSpan? deletedAt = null;
        foreach (var (at, line) in events)
        {
            if (line == "delete table inet wgagent")
            {
                deletedAt ??= at;
            }
            else if (line == "add table inet wgagent" && deletedAt is { } since)
            {
                result.Add(at - since);
                deletedAt = null;
            }
        }

        return result;
    }

    /// <summary>Kills nft (the process started here, by its handle).</summary>
    public void Dispose()
    {
        try
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        process.Dispose();
    }
}
