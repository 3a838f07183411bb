using System.Diagnostics;
using System.Net;
using WgAgent.Lab.Hosts;
using WgAgent.Lab.Probes;

namespace WgAgent.System.Tests.Package;

/// <summary>
/// TCP connects from the node's network namespace (the booted host's, shared with this process's lab host) to inet's
/// echo service, outside the tunnel, one after another until stopped: with egress = "tunnel" the kill switch rejects
/// each at once, so the loop probes about every millisecond, and any moment without the table lets one through
/// (the gap control shows that it does). Bounded by its own deadline as well as by <see cref="StopAsync"/>.
/// </summary>
public sealed class EgressProbeLoop
{
    // A rejected connect returns within a millisecond; a probe that gets through does too. Longer than that is a
    // silent drop, which counts as blocked: the bound only keeps one probe from stalling the loop.
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromMilliseconds(250);
    private readonly CancellationTokenSource stop = new();
    private readonly Task<ProbeLoopResult> running;

    private EgressProbeLoop(LabHost from, IReadOnlyList<IPAddress> targets, int port, TimeSpan deadline) =>
        running = Task.Run(() => RunAsync(from, targets, port, deadline, stop.Token));

    /// <summary>Starts probing <paramref name="targets"/> on <paramref name="port"/> in turn from <paramref name="from"/>.</summary>
    /// <param name="from">The prober (the lab's node).</param>
    /// <param name="targets">inet's addresses (IPv4 and IPv6: the kill switch guards both).</param>
    /// <param name="port">An echo port inet listens on.</param>
    /// <param name="deadline">The loop ends by itself after this long.</param>
    public static EgressProbeLoop Start(LabHost from, IReadOnlyList<IPAddress> targets, int port, TimeSpan deadline) =>
        new(from, targets, port, deadline);

    /// <summary>Stops the loop and returns what it saw.</summary>
    public async Task<ProbeLoopResult> StopAsync()
    {
        await stop.CancelAsync();
        var result = await running;
        stop.Dispose();
        return result;
    }

    private static async Task<ProbeLoopResult> RunAsync(
        LabHost from, IReadOnlyList<IPAddress> targets, int port, TimeSpan deadline, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var outcomes = new Dictionary<ProbeOutcome, int>();
        var through = new List<(TimeSpan, ProbeResult)>();
        var broken = new List<ProbeResult>();
        var sent = 0;
        while (!cancellationToken.IsCancellationRequested && clock.Elapsed < deadline)
        {
            var target = targets[sent % targets.Count];
            var at = clock.Elapsed;
            // Not cancelled by the stop: a probe under way is finished and counted, never cut short into "blocked".
            var probe = await from.TcpConnectAsync(target, port, ProbeTimeout);
            sent++;
            outcomes[probe.Outcome] = outcomes.GetValueOrDefault(probe.Outcome) + 1;
            if (probe.Reachable)
            {
                through.Add((at, probe));
            }
            else if (probe.Outcome == ProbeOutcome.Error)
            {
                broken.Add(probe);
            }

            // No pause: each probe takes about a millisecond (a socket in the namespace, a connect the kernel rejects),
            // and a timer's pause would cost several, leaving room for a short gap to pass unprobed.
            await Task.Yield();
        }

        return new ProbeLoopResult(sent, clock.Elapsed, outcomes, through, broken);
    }
}
