using System.Collections.Concurrent;
using System.Diagnostics;

namespace WgAgent.System.Tests.DaemonLifecycle;

/// <summary>
/// <c>nft monitor</c> (every object, not only tables) in a lab network namespace, each line stamped on arrival: shows a
/// single rule added to table inet wgagent and the transaction that took it out again, which happen faster than any
/// <c>nft list</c> loop samples. Like Killswitch/NftTableMonitor, which watches tables only. Killed on dispose.
/// </summary>
public sealed class NftRuleMonitor : IDisposable
{
    private static readonly TimeSpan SubscribeTime = TimeSpan.FromMilliseconds(300);
    private readonly Process process;
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly ConcurrentQueue<(TimeSpan At, string Line)> events = new();

    private NftRuleMonitor(Process process) => this.process = process;

    /// <summary>The lines so far, in order of arrival.</summary>
    public IReadOnlyList<(TimeSpan At, string Line)> Events => [.. events];

    /// <summary>Starts the monitor in <paramref name="namespaceName"/> and gives it a moment to subscribe.</summary>
    public static async Task<NftRuleMonitor> StartAsync(string namespaceName)
    {
        var start = new ProcessStartInfo("ip") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "netns", "exec", namespaceName, "nft", "monitor" })
        {
            start.ArgumentList.Add(arg);
        }

        var process = new Process { StartInfo = start };
        var monitor = new NftRuleMonitor(process);
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

    /// <summary>
    /// From the first line containing <paramref name="marker"/> (the foreign rule added) to the next
    /// <c>add table inet wgagent</c> (the table put back whole, without it); null if either is missing.
    /// </summary>
    public TimeSpan? MarkedUntilReplaced(string marker)
    {
        TimeSpan? since = null;
        foreach (var (at, line) in events)
        {
            if (since is null && line.Contains(marker, StringComparison.Ordinal))
            {
                since = at;
            }
            else if (since is { } from && line == "add table inet wgagent")
            {
                return at - from;
            }
        }

        return null;
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
