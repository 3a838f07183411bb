using System.Net.Sockets;
using WgAgent.Core.Firewall;
using WgAgent.Tunnel;

namespace WgAgent.Firewall;

public sealed partial class NftablesMonitor
{
    // nf_tables batches notifications into datagrams of at most NLMSG_GOODSIZE (a page); 64 KiB leaves room to spare,
    // and a datagram that fills it is treated as truncated.
    private const int BufferBytes = 64 * 1024;
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Watches until <paramref name="cancellationToken"/> is cancelled. Call once. <paramref name="onChange"/> is
    /// awaited on the monitor's loop, in order, never concurrently:
    /// <list type="bullet">
    /// <item>once right after the socket is subscribed, and again after every reopen
    /// (<see cref="NftablesChangeReason.Subscribed"/>): changes made before that are unknown;</item>
    /// <item>once per committed transaction that changed or deleted the table
    /// (<see cref="NftablesChangeReason.Transaction"/>, <see cref="NftablesTableChange.TableDeleted"/>), when its
    /// NFT_MSG_NEWGEN arrives; transactions on other tables are not reported;</item>
    /// <item>when notifications may have been lost (<see cref="NftablesChangeReason.EventsLost"/>: ENOBUFS, a truncated
    /// or unreadable datagram).</item>
    /// </list>
    /// While it runs, the kernel queues further notifications in the socket (up to
    /// <see cref="NftablesMonitorOptions.ReceiveBufferBytes"/>; beyond that they are reported as lost).
    /// </summary>
    /// <param name="onChange">Verifies (and repairs) the table. An exception from it ends <see cref="RunAsync"/>.</param>
    /// <param name="cancellationToken">Stops the monitor; also passed to <paramref name="onChange"/>.</param>
    /// <returns>A task that ends with <see cref="OperationCanceledException"/> when cancelled.</returns>
    /// <exception cref="NftablesMonitorException">The socket failed
    /// <see cref="NftablesMonitorOptions.MaxConsecutiveFailures"/> times in a row.</exception>
    /// <exception cref="InvalidOperationException">The monitor runs already.</exception>
    public async Task RunAsync(Func<NftablesTableChange, CancellationToken, ValueTask> onChange, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(onChange);
        if (Interlocked.Exchange(ref running, 1) != 0)
        {
            throw new InvalidOperationException("the nftables monitor runs already");
        }

        try
        {
            await RetryLoopAsync(onChange, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Volatile.Write(ref subscribed, 0);
        }
    }

    private async Task RetryLoopAsync(Func<NftablesTableChange, CancellationToken, ValueTask> onChange, CancellationToken cancellationToken)
    {
        var failures = 0;
        var buffer = new byte[BufferBytes];
        var events = new List<NftablesEvent>();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            NftablesMonitorSocket socket;
            try
            {
                socket = await NftablesMonitorSocket.OpenAsync(options.NetworkNamespacePath, options.ReceiveBufferBytes)
                    .ConfigureAwait(false);
            }
            catch (Exception e) when (IsSocketFailure(e, cancellationToken))
            {
                failures = await PauseAfterFailureAsync(e, failures, cancellationToken).ConfigureAwait(false);
                continue;
            }

            // Socket failures return here to be reopened; the callback's own exceptions are not caught.
            Exception failure;
            using (socket)
            {
                failure = await WatchSocketAsync(socket, buffer, events, onChange, () => failures = 0, cancellationToken)
                    .ConfigureAwait(false);
            }

            Volatile.Write(ref subscribed, 0);
            failures = await PauseAfterFailureAsync(failure, failures, cancellationToken).ConfigureAwait(false);
        }
    }

    // Returns the socket failure that ended it; cancellation and the callback's exceptions propagate.
    private async Task<Exception> WatchSocketAsync(NftablesMonitorSocket socket, byte[] buffer, List<NftablesEvent> events,
        Func<NftablesTableChange, CancellationToken, ValueTask> onChange, Action received, CancellationToken cancellationToken)
    {
        var watch = new NftablesTableWatch(Family, Table);
        Volatile.Write(ref subscribed, 1);

        // Joined before this call: a change from now on is either reported or reported as lost.
        await onChange(watch.Subscribed(), cancellationToken).ConfigureAwait(false);
        while (true)
        {
            NetlinkReceive datagram;
            try
            {
                datagram = await socket.ReceiveAsync(buffer, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (IsSocketFailure(e, cancellationToken))
            {
                return e;
            }

            received();
            if (datagram.Overrun || datagram.Length >= buffer.Length)
            {
                Interlocked.Increment(ref overruns);
                var detail = datagram.Overrun
                    ? "the socket's receive queue overflowed (ENOBUFS)"
                    : $"a datagram of {buffer.Length} bytes or more was truncated";
                await onChange(watch.Lost(detail), cancellationToken).ConfigureAwait(false);
                continue;
            }

            events.Clear();
            NftablesEventParser.Parse(buffer.AsSpan(0, datagram.Length), events);
            foreach (var @event in events)
            {
                Count(@event);
                if (watch.Observe(@event) is { } change)
                {
                    if (change.Reason == NftablesChangeReason.Transaction)
                    {
                        Interlocked.Increment(ref tableChanges);
                    }

                    await onChange(change, cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }

    private void Count(NftablesEvent @event)
    {
        if (@event.Kind == NftablesEventKind.Malformed)
        {
            Interlocked.Increment(ref malformed);
            return;
        }

        Interlocked.Increment(ref notifications);
        if (@event.Kind == NftablesEventKind.NewGeneration)
        {
            Interlocked.Increment(ref transactions);
        }
    }

    private async Task<int> PauseAfterFailureAsync(Exception failure, int failures, CancellationToken cancellationToken)
    {
        Volatile.Write(ref lastFailure, failure.Message);
        if (++failures >= options.MaxConsecutiveFailures)
        {
            throw new NftablesMonitorException(
                $"watching table {Family} {Table}: nftables notifications failed {failures} times in a row; last: {failure.Message}",
                failure);
        }

        var delay = options.RetryDelay * Math.Pow(2, failures - 1);
        await Task.Delay(delay < MaxRetryDelay ? delay : MaxRetryDelay, cancellationToken).ConfigureAwait(false);
        Interlocked.Increment(ref reopens);
        return failures;
    }

    private static bool IsSocketFailure(Exception e, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested && e is IOException or SocketException or TimeoutException;
}
