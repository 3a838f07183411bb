using System.Diagnostics;

namespace WgAgent.Status.Bench.Load;

/// <summary>
/// The cost of one status composition, which the load mostly does not see: the daemon serves a read of the kernel and the
/// units for 500 ms (src/WgAgent/Status/StatusSource.cs). On one keep-alive connection, every interval (longer than that):
/// a request that finds the cache expired and composes, then at once one that is served from the fresh cache.
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
