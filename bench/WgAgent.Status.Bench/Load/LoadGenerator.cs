using System.Diagnostics;

namespace WgAgent.Status.Bench.Load;

/// <summary>
/// n keep-alive connections for a warm-up and then a measured window; only requests that complete inside the window
/// count. Two modes:
/// <list type="bullet">
/// <item><b>saturating</b> (closed loop, as wrk): each connection sends its next request as soon as the previous answer is
/// complete — the most the server answers. Its latencies obey Little's law (mean ≈ n / throughput), so at n = 100 they
/// say more about throughput than about the server's delay.</item>
/// <item><b>paced</b> (open loop): each connection sends on a fixed schedule (the total rate spread over the connections,
/// each with its own phase); a request whose time has passed goes at once. Latency is measured both from the send and
/// from the scheduled time (the latter also counts the wait behind a slow answer on the same connection, so a stall is
/// not hidden — coordinated omission — but also the generator's own timer lateness, up to a jiffy: the baseline in the
/// same run shows how much).</item>
/// </list>
/// Latency is Stopwatch time to the answer's last byte.
/// </summary>
internal static class LoadGenerator
{
    /// <summary>What agentctl sends (src/AgentCtl/Client).</summary>
    public static readonly byte[] StatusRequest = "GET /v1/status HTTP/1.1\r\nHost: localhost\r\n\r\n"u8.ToArray();

    private const int MaxErrorsPerConnection = 100;
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(10);

    /// <summary>One finished request (Stopwatch ticks): when it completed, its latency from the send and from its scheduled
    /// time (the same as from the send when saturating).</summary>
    public readonly record struct Sample(long Done, long Latency, long FromSchedule);

    /// <summary>Everything a run saw, raw.</summary>
    public sealed record Outcome(long WindowStart, long WindowEnd, IReadOnlyList<Sample> Samples, int Errors, int Reconnects, int NotOk,
        IReadOnlyList<string> FirstErrors);

    /// <summary>
    /// Opens <paramref name="connections"/> connections to <paramref name="socketPath"/>, runs the load — paced at
    /// <paramref name="rate"/> requests per second in all, or saturating when null — and calls <paramref name="windowStarts"/>
    /// when the measured window begins (to start sampling the server).
    /// </summary>
    public static async Task<Outcome> RunAsync(string socketPath, int connections, double? rate, TimeSpan warmup, TimeSpan duration, Action windowStarts,
        CancellationToken cancellationToken)
    {
        var clients = new List<RawHttpConnection>(connections);
        try
        {
            for (var i = 0; i < connections; i++)
            {
                clients.Add(await RawHttpConnection.OpenAsync(socketPath, cancellationToken));
            }

            var start = Stopwatch.GetTimestamp();
            var window = (Start: start + Ticks(warmup), End: start + Ticks(warmup + duration));
            long? interval = rate is { } r ? (long)(connections / r * Stopwatch.Frequency) : null;
            using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            bound.CancelAfter(warmup + duration + Grace);
            var loops = clients.Select((_, i) =>
            {
                // Phases spread evenly over one interval, so the paced load is smooth rather than 100 requests at once.
                var first = start + (interval is { } every ? every * i / connections : 0);
                return Task.Run(() => LoopAsync(clients, i, socketPath, first, interval, window, bound.Token), bound.Token);
            }).ToList();
            await Task.Delay(warmup, cancellationToken);
            windowStarts();
            var perConnection = await Task.WhenAll(loops);
            return new Outcome(window.Start, window.End, [.. perConnection.SelectMany(c => c.Samples)], perConnection.Sum(c => c.Errors),
                perConnection.Sum(c => c.Reconnects), perConnection.Sum(c => c.NotOk), [.. perConnection.SelectMany(c => c.FirstErrors).Take(5)]);
        }
        finally
        {
            foreach (var client in clients)
            {
                client.Dispose();
            }
        }
    }

    private sealed record ConnectionOutcome(List<Sample> Samples, int Errors, int Reconnects, int NotOk, List<string> FirstErrors);

    private static async Task<ConnectionOutcome> LoopAsync(List<RawHttpConnection> clients, int index, string socketPath, long first, long? interval,
        (long Start, long End) window, CancellationToken cancellationToken)
    {
        var samples = new List<Sample>(16 * 1024);
        var (errors, reconnects, notOk) = (0, 0, 0);
        var firstErrors = new List<string>();
        var broken = false;
        var scheduled = first;
        while (Stopwatch.GetTimestamp() < window.End && errors < MaxErrorsPerConnection)
        {
            try
            {
                if (broken)
                {
                    clients[index].Dispose();
                    clients[index] = await RawHttpConnection.OpenAsync(socketPath, cancellationToken);
                    (broken, reconnects) = (false, reconnects + 1);
                }

                if (interval is not null && Stopwatch.GetTimestamp() is var now && now < scheduled)
                {
                    await Task.Delay(Stopwatch.GetElapsedTime(now, scheduled), cancellationToken);
                }

                // Task.Delay's timers run on a coarse clock (Environment.TickCount64: CLOCK_MONOTONIC_COARSE, a jiffy — 4 ms at
                // HZ=250), so a wait can also end early: a request sent early counts from its send, a late one from its time.
                var begin = Stopwatch.GetTimestamp();
                var due = interval is null ? begin : Math.Min(scheduled, begin);
                scheduled += interval ?? 0;
                var (status, _, closing) = await clients[index].ExchangeAsync(StatusRequest, cancellationToken);
                var done = Stopwatch.GetTimestamp();
                if (status != 200)
                {
                    notOk++;
                }
                else if (done >= window.Start && done <= window.End)
                {
                    samples.Add(new Sample(done, done - begin, done - due));
                }

                broken = closing;
            }
            catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException && !cancellationToken.IsCancellationRequested)
            {
                errors++;
                if (firstErrors.Count < 3)
                {
                    firstErrors.Add(e.Message);
                }

                broken = true;
                await Task.Delay(10, cancellationToken);
            }
        }

        return new ConnectionOutcome(samples, errors, reconnects, notOk, firstErrors);
    }

    private static long Ticks(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);
}
