using WgAgent.Core.Net;
using WgAgent.Core.Tunnel;

namespace WgAgent.Tunnel;

/// <summary>
/// Watches one interface (<c>wireguard.interface</c>) through route netlink, without polling: it subscribes to link
/// and address notifications, dumps the current links and addresses once, and from then on only reacts to what the
/// kernel sends. Publishes <see cref="Current"/> and an update per transition to each <see cref="Subscribe"/>r.
/// It does not read WireGuard peers (<c>wg show</c>); those are read on demand elsewhere.
/// </summary>
/// <remarks>
/// One loop (<see cref="RunAsync"/>) owns the socket and the <see cref="TunnelStateMachine"/>; readers of
/// <see cref="Current"/> and subscribers may be on any thread. On ENOBUFS the machine dumps again; a socket that
/// fails (or a dump that stalls past <see cref="TunnelWatcherOptions.SyncTimeout"/>) is reopened after a pause, a
/// bounded number of times in a row.
/// </remarks>
public sealed partial class TunnelWatcher
{
    private readonly TunnelWatcherOptions options;
    private readonly TunnelStateMachine machine;
    private readonly Lock gate = new();
    private readonly List<TunnelSubscription> subscriptions = [];
    private TunnelState current;
    private Exception? stopped;
    private long overruns;
    private long syncs;
    private long reopens;
    private string? lastFailure;
    private int running;

    /// <summary>Creates a watcher; nothing happens until <see cref="RunAsync"/>.</summary>
    /// <param name="interface">The interface to follow.</param>
    /// <param name="options">Settings; null for the defaults.</param>
    public TunnelWatcher(InterfaceName @interface, TunnelWatcherOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(@interface);
        this.options = options ?? new TunnelWatcherOptions();
        machine = new TunnelStateMachine(@interface);
        current = machine.Current;
    }

    /// <summary>The interface watched.</summary>
    public InterfaceName Interface => current.Interface;

    /// <summary>The state as of the last message processed (<see cref="TunnelPhase.Unknown"/> before the first dump
    /// completes).</summary>
    public TunnelState Current => Volatile.Read(ref current);

    /// <summary>How many times the kernel reported ENOBUFS (notifications lost, followed by a new dump).</summary>
    public long Overruns => Interlocked.Read(ref overruns);

    /// <summary>How many dump requests were sent (two per synchronisation: links, then addresses).</summary>
    public long DumpRequests => Interlocked.Read(ref syncs);

    /// <summary>How many times the socket was reopened after a failure.</summary>
    public long Reopens => Interlocked.Read(ref reopens);

    /// <summary>The last failure that made the watcher reopen its socket, e.g. <c>receiving from route netlink: no answer
    /// to a dump within 5 s</c>; null when there was none.</summary>
    public string? LastFailure => Volatile.Read(ref lastFailure);

    /// <summary>Starts a stream of updates. Subscribe before reading <see cref="Current"/> to miss nothing.</summary>
    /// <returns>The subscription; dispose it when done.</returns>
    public TunnelSubscription Subscribe()
    {
        var subscription = new TunnelSubscription(options.SubscriberCapacity, Unsubscribe);
        lock (gate)
        {
            if (stopped is not null)
            {
                subscription.Complete(stopped is OperationCanceledException ? null : stopped);
            }
            else
            {
                subscriptions.Add(subscription);
            }
        }

        return subscription;
    }

    /// <summary>Waits until the state satisfies <paramref name="predicate"/> (event-driven: no polling).</summary>
    /// <param name="predicate">E.g. <c>s =&gt; s.IsUp</c>.</param>
    /// <param name="cancellationToken">Bounds the wait.</param>
    /// <returns>The first state that satisfies it (possibly the current one).</returns>
    /// <exception cref="TunnelWatchException">The watcher failed while waiting.</exception>
    /// <exception cref="InvalidOperationException">The watcher stopped while waiting.</exception>
    public async Task<TunnelState> WaitForAsync(Func<TunnelState, bool> predicate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        using var subscription = Subscribe();
        var state = Current;
        if (predicate(state))
        {
            return state;
        }

        await foreach (var update in subscription.Updates.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            if (predicate(update.State))
            {
                return update.State;
            }
        }

        throw new InvalidOperationException($"the watcher of {Interface} stopped");
    }

    private void Unsubscribe(TunnelSubscription subscription)
    {
        lock (gate)
        {
            subscriptions.Remove(subscription);
        }
    }

    private void Publish(TunnelChange change, long receivedAt)
    {
        Volatile.Write(ref current, change.Current);
        var update = new TunnelUpdate(change, receivedAt, System.Diagnostics.Stopwatch.GetTimestamp());
        lock (gate)
        {
            foreach (var subscription in subscriptions)
            {
                subscription.Publish(update);
            }
        }
    }

    private void Stop(Exception reason)
    {
        lock (gate)
        {
            stopped = reason;
            foreach (var subscription in subscriptions)
            {
                subscription.Complete(reason is OperationCanceledException ? null : reason);
            }

            subscriptions.Clear();
        }
    }
}
