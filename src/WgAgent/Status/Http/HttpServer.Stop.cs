using Microsoft.Extensions.Logging;

namespace WgAgent.Status.Http;

public sealed partial class HttpServer
{
    // How long aborted connections get to unwind after the stop's own time ran out.
    private static readonly TimeSpan AbortGrace = TimeSpan.FromSeconds(1);

    // The timeouts are checked this often, and only while connections are open: an idle daemon never wakes for them.
    private static readonly TimeSpan HeartbeatInterval = TimeSpan.FromMilliseconds(100);

    private readonly List<HttpConnection> heartbeatSnapshot = [];
    private Timer? heartbeat;
    private int heartbeatRunning;

    /// <summary>
    /// Stops: no new connections (the listener is closed and the socket file removed at once), idle keep-alive
    /// connections are closed, requests in flight may finish within <paramref name="timeout"/> (their responses say
    /// "Connection: close"); after it, what is left is cancelled and closed. Calling it again waits for the first stop.
    /// </summary>
    /// <param name="timeout">How long requests in flight may take.</param>
    /// <returns>A task that completes when every connection is closed (or given up on, logged, after a further second).</returns>
    public Task StopAsync(TimeSpan timeout)
    {
        lock (gate)
        {
            if (stopTask is null)
            {
                var wasRunning = state == Running;
                state = Stopping;
                stopTask = wasRunning ? StopCoreAsync(timeout) : Task.CompletedTask;
            }

            return stopTask;
        }
    }

    private async Task StopCoreAsync(TimeSpan timeout)
    {
        await Task.Yield(); // out of the caller's lock
        socketFile?.RemoveIfOurs(); // first: new connects fail at once (ENOENT), and the open listener pins the inode
        listener?.Dispose();
        await acceptLoop.ConfigureAwait(false);

        HttpConnection[] open;
        lock (gate)
        {
            open = [.. connections];
        }

        foreach (var connection in open)
        {
            if (connection.TryClose(ConnectionState.Idle) || connection.TryClose(ConnectionState.New))
            {
                connection.Abort(AbortReason.Stopping);
            }
        }

        var all = Task.WhenAll(open.Select(c => c.Completion));
        try
        {
            await all.WaitAsync(timeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            foreach (var connection in open)
            {
                connection.Abort(AbortReason.StopTimeout);
            }

            try
            {
                await all.WaitAsync(AbortGrace).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                logger?.LogWarning("status API: {Count} connections did not end after the stop", open.Count(c => !c.Completion.IsCompleted));
            }
        }

        lock (gate)
        {
            // Under the gate, where Admit and Remove use it: a connection that ends later finds no timer.
            heartbeat?.Dispose();
            heartbeat = null;
        }
    }

    private void OnHeartbeat()
    {
        // Timer callbacks may overlap when one is slow; one pass at a time is enough.
        if (Interlocked.Exchange(ref heartbeatRunning, 1) == 1)
        {
            return;
        }

        try
        {
            lock (gate)
            {
                heartbeatSnapshot.AddRange(connections);
            }

            // Outside the gate: aborting cancels socket operations, whose continuations may end connections (Remove).
            var now = Environment.TickCount64;
            foreach (var connection in heartbeatSnapshot)
            {
                connection.CheckDeadline(now);
            }
        }
        finally
        {
            heartbeatSnapshot.Clear();
            Volatile.Write(ref heartbeatRunning, 0);
        }
    }
}
