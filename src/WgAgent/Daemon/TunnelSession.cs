using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using WgAgent.Core.Net;
using WgAgent.Tunnel;

namespace WgAgent.Daemon;

/// <summary>
/// One <see cref="TunnelWatcher"/> running for the daemon, its updates forwarded onto the daemon's queue. When netlink
/// fails for good the queue is completed with the error: the daemon then exits non-zero and systemd restarts it
/// (Restart=on-failure), rather than run on blind.
/// </summary>
public sealed class TunnelSession : IAsyncDisposable
{
    private readonly CancellationTokenSource stop;
    private readonly Task running;
    private readonly Task forwarding;

    private TunnelSession(TunnelWatcher watcher, TunnelSubscription subscription, ChannelWriter<DaemonEvent> sink, ILogger logger,
        CancellationToken cancellationToken)
    {
        Watcher = watcher;
        stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        running = watcher.RunAsync(stop.Token);
        forwarding = ForwardAsync(subscription, sink, logger, stop.Token);
    }

    /// <summary>The watcher.</summary>
    public TunnelWatcher Watcher { get; }

    /// <summary>Starts watching <paramref name="name"/>.</summary>
    /// <param name="name">The interface.</param>
    /// <param name="sink">The daemon's queue.</param>
    /// <param name="logger">Where a netlink failure is reported.</param>
    /// <param name="cancellationToken">Stops the session (the daemon stopping).</param>
    /// <returns>The session.</returns>
    public static TunnelSession Start(InterfaceName name, ChannelWriter<DaemonEvent> sink, ILogger logger, CancellationToken cancellationToken)
    {
        var watcher = new TunnelWatcher(name);
        // Subscribed before it runs: not even the first dump's update is missed.
        var subscription = watcher.Subscribe();
        return new TunnelSession(watcher, subscription, sink, logger, cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(running, forwarding).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or TunnelWatchException)
        {
            // Stopped on purpose; a failure was already reported by the forwarder.
        }

        stop.Dispose();
    }

    private static async Task ForwardAsync(TunnelSubscription subscription, ChannelWriter<DaemonEvent> sink, ILogger logger,
        CancellationToken cancellationToken)
    {
        using (subscription)
        {
            try
            {
                await foreach (var update in subscription.Updates.ReadAllAsync(cancellationToken).ConfigureAwait(false))
                {
                    sink.TryWrite(new DaemonEvent(DaemonEventKind.TunnelChanged, update));
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // The session is being replaced or the daemon stops.
            }
            catch (Exception e)
            {
                logger.LogCritical("netlink: watching the tunnel failed: {Problem}; exiting so systemd restarts wgagent", e.Message);
                sink.TryComplete(e);
            }
        }
    }
}
