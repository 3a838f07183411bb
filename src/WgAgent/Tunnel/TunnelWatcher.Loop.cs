using System.Diagnostics;
using System.Net.Sockets;
using WgAgent.Core.Tunnel;

namespace WgAgent.Tunnel;

public sealed partial class TunnelWatcher
{
    private const int BufferBytes = 64 * 1024;
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(5);

    /// <summary>Watches until <paramref name="cancellationToken"/> is cancelled. Call once.</summary>
    /// <param name="cancellationToken">Stops the watcher.</param>
    /// <returns>A task that ends with <see cref="OperationCanceledException"/> when cancelled.</returns>
    /// <exception cref="TunnelWatchException">Route netlink failed
    /// <see cref="TunnelWatcherOptions.MaxConsecutiveFailures"/> times in a row.</exception>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref running, 1) != 0)
        {
            throw new InvalidOperationException("the watcher runs already");
        }

        try
        {
            await RetryLoopAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            Stop(e);
            throw;
        }
    }

    private async Task RetryLoopAsync(CancellationToken cancellationToken)
    {
        var failures = 0;
        var buffer = new byte[BufferBytes];
        var events = new List<NetlinkEvent>();
        while (true)
        {
            try
            {
                await WatchSocketAsync(buffer, events, () => failures = 0, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested
                && e is IOException or SocketException or TimeoutException or NetlinkSyncException)
            {
                Volatile.Write(ref lastFailure, e.Message);
                if (++failures >= options.MaxConsecutiveFailures)
                {
                    throw new TunnelWatchException(
                        $"watching {Interface}: route netlink failed {failures} times in a row; last: {e.Message}", e);
                }

                var delay = options.RetryDelay * Math.Pow(2, failures - 1);
                await Task.Delay(delay < MaxRetryDelay ? delay : MaxRetryDelay, cancellationToken).ConfigureAwait(false);
                Interlocked.Increment(ref reopens);
            }
        }
    }

    // Returns only by throwing: cancellation, or a failure the caller answers by reopening.
    private async Task WatchSocketAsync(byte[] buffer, List<NetlinkEvent> events, Action synchronized,
        CancellationToken cancellationToken)
    {
        using var socket = await RouteNetlinkSocket.OpenAsync(options.NetworkNamespacePath, options.ReceiveBufferBytes)
            .ConfigureAwait(false);

        // Subscribed (bound to the groups) before the dump, so no change falls between the dump and the first event.
        await ExecuteAsync(socket, machine.Synchronize(), Stopwatch.GetTimestamp(), cancellationToken).ConfigureAwait(false);
        while (true)
        {
            var wasSynchronizing = machine.IsSynchronizing;
            var received = await ReceiveAsync(socket, buffer, cancellationToken).ConfigureAwait(false);
            var receivedAt = Stopwatch.GetTimestamp();

            // A datagram that fills the buffer may have been cut short (MSG_TRUNC): as unreliable as a lost one.
            if (received.Overrun || received.Length >= buffer.Length)
            {
                Interlocked.Increment(ref overruns);
                await ExecuteAsync(socket, machine.Overrun(), receivedAt, cancellationToken).ConfigureAwait(false);
                continue;
            }

            events.Clear();
            RouteNetlinkParser.Parse(buffer.AsSpan(0, received.Length), events);
            foreach (var message in events)
            {
                await ExecuteAsync(socket, machine.Handle(message), receivedAt, cancellationToken).ConfigureAwait(false);
            }

            if (wasSynchronizing && !machine.IsSynchronizing)
            {
                synchronized();
            }
        }
    }

    private async ValueTask<NetlinkReceive> ReceiveAsync(RouteNetlinkSocket socket, byte[] buffer, CancellationToken cancellationToken)
    {
        if (!machine.IsSynchronizing)
        {
            // Between dumps nothing is expected: wait for the kernel as long as it takes.
            return await socket.ReceiveAsync(buffer, cancellationToken).ConfigureAwait(false);
        }

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(options.SyncTimeout);
        try
        {
            return await socket.ReceiveAsync(buffer, limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"receiving from route netlink: no answer to a dump within {options.SyncTimeout.TotalSeconds:0.#} s");
        }
    }

    private async ValueTask ExecuteAsync(RouteNetlinkSocket socket, TunnelStep step, long receivedAt, CancellationToken cancellationToken)
    {
        foreach (var change in step.Changes)
        {
            Publish(change, receivedAt);
        }

        if (step.Failure is not null)
        {
            throw new NetlinkSyncException($"synchronising with route netlink: {step.Failure}");
        }

        if (step.Request is not null)
        {
            Interlocked.Increment(ref syncs);
            await socket.SendAsync(step.Request.Encode(), cancellationToken).ConfigureAwait(false);
        }
    }
}
