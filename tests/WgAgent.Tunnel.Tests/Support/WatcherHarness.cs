using WgAgent.Core.Net;
using WgAgent.Core.Tunnel;
using WgAgent.Lab.Netns;
using WgAgent.Tunnel;

namespace WgAgent.Tunnel.Tests.Support;

/// <summary>A <see cref="TunnelWatcher"/> running in a scratch namespace, with a subscription taken before it started
/// (so every update is seen) and bounded waits. Dispose stops it.</summary>
internal sealed class WatcherHarness : IAsyncDisposable
{
    /// <summary>The bound on every wait for an event: generous for a loaded CI machine, where the typical figure is
    /// well under a millisecond.</summary>
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);

    private readonly CancellationTokenSource stop = new();
    private readonly Task run;

    private WatcherHarness(TunnelWatcher watcher)
    {
        Watcher = watcher;
        Subscription = watcher.Subscribe();
        run = watcher.RunAsync(stop.Token);
    }

    public TunnelWatcher Watcher { get; }

    public TunnelSubscription Subscription { get; }

    public static WatcherHarness Start(ScratchNamespace scratch, string name = "wg0", TunnelWatcherOptions? options = null) =>
        new(new TunnelWatcher(InterfaceName.Parse(name),
            (options ?? new TunnelWatcherOptions()) with { NetworkNamespacePath = scratch.Path }));

    /// <summary>The next update, within <paramref name="bound"/> (default <see cref="Bound"/>).</summary>
    public async Task<TunnelUpdate> NextAsync(TimeSpan? bound = null)
    {
        using var timeout = new CancellationTokenSource(bound ?? Bound);
        try
        {
            return await Subscription.Updates.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            throw new TimeoutException($"no update within {(bound ?? Bound).TotalSeconds} s; current: {Watcher.Current}");
        }
    }

    /// <summary>Reads updates until one satisfies <paramref name="predicate"/>; all of them are returned.</summary>
    public async Task<List<TunnelUpdate>> UntilAsync(Func<TunnelState, bool> predicate, TimeSpan? bound = null)
    {
        var seen = new List<TunnelUpdate>();
        var deadline = DateTime.UtcNow + (bound ?? Bound);
        while (true)
        {
            var left = deadline - DateTime.UtcNow;
            var update = await NextAsync(left > TimeSpan.Zero ? left : TimeSpan.FromMilliseconds(1));
            seen.Add(update);
            if (predicate(update.State))
            {
                return seen;
            }
        }
    }

    /// <summary>The watcher has finished its first synchronisation.</summary>
    public Task<TunnelState> SynchronizedAsync() => WaitAsync(s => s.Phase != TunnelPhase.Unknown);

    public async Task<TunnelState> WaitAsync(Func<TunnelState, bool> predicate, TimeSpan? bound = null)
    {
        using var timeout = new CancellationTokenSource(bound ?? Bound);
        try
        {
            return await Watcher.WaitForAsync(predicate, timeout.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            throw new TimeoutException($"state not reached within {(bound ?? Bound).TotalSeconds} s; current: {Watcher.Current}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try
        {
            await run.WaitAsync(Bound);
        }
        catch (OperationCanceledException)
        {
        }

        Subscription.Dispose();
        stop.Dispose();
    }
}
