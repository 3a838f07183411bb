using System.Diagnostics;

namespace WgAgent.Status.Bench.Load;

/// <summary>
/// The cost of one fresh read and composition, which the load never waits for: the daemon serves the answers of one read of
/// the kernel and the units for 0.5 s and, up to 1 s old, while the next read runs in the background
/// (src/WgAgent/Status/StatusService.cs, RefreshingCache). After a quiet second nothing may be served, so on one keep-alive
/// connection, every interval (longer than a second): a request that waits for a fresh read, then at once one that is
/// served from it.
/// </summary>
internal static class UncachedProbe
{
    /// <summary>Latencies (ms) of the first (uncached) and second (cached) request of each pair.</summary>
    public sealed record Result(IReadOnlyList<double> UncachedMs, IReadOnlyList<double> CachedMs, LatencySummary Uncached, LatencySummary Cached);

    /// <summary>Runs <paramref name="pairs"/> pairs against <paramref name="socketPath"/>.</summary>
    public static async Task<Result> RunAsync(string socketPath, int pairs, TimeSpan interval, CancellationToken cancellationToken)
    {
        using var connection = await RawHttpConnection.OpenAsync(socketPath, cancellationToken);
        var (uncached, cached) = (new List<double>(pairs), new List<double>(pairs));
        for (var i = 0; i < pairs; i++)
        {
            await Task.Delay(interval, cancellationToken);
            uncached.Add(await TimeAsync(connection, cancellationToken));
            cached.Add(await TimeAsync(connection, cancellationToken));
        }

        return new Result(uncached, cached, LatencySummary.Of(uncached), LatencySummary.Of(cached));
    }

    private static async Task<double> TimeAsync(RawHttpConnection connection, CancellationToken cancellationToken)
    {
        var begin = Stopwatch.GetTimestamp();
        var (status, _, _) = await connection.ExchangeAsync(LoadGenerator.StatusRequest, cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(begin).TotalMilliseconds;
        return status == 200 ? elapsed : throw new IOException($"GET /v1/status answered {status}");
    }
}
