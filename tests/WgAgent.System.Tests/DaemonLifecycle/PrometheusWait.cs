using WgAgent.Lab.Prometheus;

namespace WgAgent.System.Tests.DaemonLifecycle;

/// <summary>Prometheus's own verdict on the node, after a given moment.</summary>
public static class PrometheusWait
{
    /// <summary>
    /// Waits, bounded, for a scrape of job "node" that began after <paramref name="since"/> and found it up (a sample
    /// from before a change proves nothing about after it).
    /// </summary>
    /// <returns>Null when there was one; else why not, with the target's last state.</returns>
    public static async Task<string?> ForScrapeUpAfterAsync(PrometheusServer prometheus, DateTimeOffset since, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(prometheus);
        var deadline = DateTime.UtcNow + timeout;
        var last = "(no target)";
        while (DateTime.UtcNow < deadline)
        {
            var target = (await prometheus.TargetsAsync()).FirstOrDefault(t => t.Job == "node");
            if (target is not null)
            {
                last = $"{target.ScrapeUrl} {target.Health} at {target.LastScrape:O}: {target.LastError}";
                if (target.Health == "up" && target.LastScrape > since)
                {
                    return null;
                }
            }

            await Task.Delay(200);
        }

        return $"no successful scrape after {since:O} within {timeout.TotalSeconds} s; last: {last}";
    }
}
