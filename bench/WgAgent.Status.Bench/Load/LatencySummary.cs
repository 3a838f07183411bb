namespace WgAgent.Status.Bench.Load;

/// <summary>Percentiles (nearest rank) and mean of a set of latencies, in milliseconds.</summary>
internal sealed record LatencySummary(int Count, double MeanMs, double MinMs, double P50Ms, double P90Ms, double P99Ms, double P999Ms, double MaxMs)
{
    /// <summary>Summarizes <paramref name="ms"/> (need not be sorted; not changed).</summary>
    public static LatencySummary Of(IReadOnlyCollection<double> ms)
    {
        if (ms.Count == 0)
        {
            return new LatencySummary(0, 0, 0, 0, 0, 0, 0, 0);
        }

        var sorted = ms.Order().ToArray();
        return new LatencySummary(sorted.Length, sorted.Average(), sorted[0], Rank(sorted, 50), Rank(sorted, 90), Rank(sorted, 99), Rank(sorted, 99.9), sorted[^1]);
    }

    /// <summary>The nearest-rank percentile of sorted values: the smallest value with at least p % of all at or below it.</summary>
    public static double Rank(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
}
