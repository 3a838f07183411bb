using System.Diagnostics;

namespace WgAgent.Status.Bench.Load;

/// <summary>Turns a load run's raw samples into a <see cref="LoadRun"/>: throughput, percentiles, slow bursts, a timeline.</summary>
internal static class LoadSummarizer
{
    /// <summary>The p99 goal; requests slower than this are "slow".</summary>
    public const double GoalMs = 2.0;

    private const double BurstGapMs = 20;
    private const double StallMs = 10;
    private const double BucketMs = 100;

    /// <summary>Summarizes <paramref name="outcome"/>.</summary>
    public static LoadRun Summarize(string target, double? rate, int round, int connections, LoadGenerator.Outcome outcome, ServerFootprint server,
        double generatorCpuPercent, double loadAverage)
    {
        static double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
        var window = Ms(outcome.WindowEnd - outcome.WindowStart);
        var byCompletion = outcome.Samples.OrderBy(s => s.Done).ToArray();
        var latencies = byCompletion.Select(s => Ms(s.Latency)).ToArray();

        // Slow requests, grouped by completion time: a stall of the server shows as one burst across many connections.
        var bursts = new List<(int Size, double MaxMs)>();
        double? lastSlowAt = null;
        for (var i = 0; i < byCompletion.Length; i++)
        {
            if (latencies[i] <= GoalMs)
            {
                continue;
            }

            var at = Ms(byCompletion[i].Done - outcome.WindowStart);
            if (lastSlowAt is { } previous && at - previous <= BurstGapMs)
            {
                bursts[^1] = (bursts[^1].Size + 1, Math.Max(bursts[^1].MaxMs, latencies[i]));
            }
            else
            {
                bursts.Add((1, latencies[i]));
            }

            lastSlowAt = at;
        }

        var slow = bursts.Sum(b => b.Size);
        var buckets = (int)Math.Ceiling(window / BucketMs);
        var counts = new int[buckets];
        var maxima = new double[buckets];
        for (var i = 0; i < byCompletion.Length; i++)
        {
            var bucket = Math.Min((int)(Ms(byCompletion[i].Done - outcome.WindowStart) / BucketMs), buckets - 1);
            counts[bucket]++;
            maxima[bucket] = Math.Max(maxima[bucket], latencies[i]);
        }

        return new LoadRun
        {
            Target = target,
            Mode = rate is null ? "saturating" : "paced",
            OfferedRate = rate,
            Round = round,
            Connections = connections,
            WindowSeconds = window / 1000,
            Completed = latencies.Length,
            RequestsPerSecond = latencies.Length / (window / 1000),
            Latency = LatencySummary.Of(latencies),
            LatencyFromSchedule = LatencySummary.Of([.. byCompletion.Select(s => Ms(s.FromSchedule))]),
            SlowerThanGoalPercent = latencies.Length == 0 ? 0 : slow * 100.0 / latencies.Length,
            SlowBurstsPerSecond = bursts.Count / (window / 1000),
            SlowBurstMedianMaxMs = bursts.Count == 0 ? 0 : LatencySummary.Rank([.. bursts.Select(b => b.MaxMs).Order()], 50),
            StallsPerSecond = bursts.Count(b => b.MaxMs >= StallMs) / (window / 1000),
            InStallsPercent = latencies.Length == 0 ? 0 : bursts.Where(b => b.MaxMs >= StallMs).Sum(b => b.Size) * 100.0 / latencies.Length,
            TimelineCount = counts,
            TimelineMaxMs = [.. maxima.Select(m => Math.Round(m, 3))],
            Errors = outcome.Errors,
            NotOk = outcome.NotOk,
            Reconnects = outcome.Reconnects,
            FirstErrors = outcome.FirstErrors,
            Server = server,
            GeneratorCpuPercent = generatorCpuPercent,
            LoadAverage = loadAverage,
        };
    }
}
