using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace WgAgent.Status.Http;

public sealed partial class HttpServer
{
    private static readonly TimeSpan AcceptBackoff = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan CapWarningInterval = TimeSpan.FromMinutes(1);

    private int evictionsPending;
    private long lastCapWarning = long.MinValue;

    private async Task AcceptLoopAsync(Socket socket)
    {
        while (!IsStopping)
        {
            Socket client;
            try
            {
                client = await socket.AcceptAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (IsStopping && e is ObjectDisposedException or SocketException)
            {
                return; // StopAsync closed the listener
            }
            catch (SocketException e)
            {
                // EMFILE/ENFILE/ENOBUFS (out of descriptors or memory) or ECONNABORTED (the client left before the
                // accept): back off briefly and keep serving; a failed accept must never end the daemon.
                logger?.LogWarning("status API: accepting a connection on {EndPoint}: {Error}", endPoint, e.Message);
                await Task.Delay(AcceptBackoff).ConfigureAwait(false);
                continue;
            }

            Admit(client);
        }
    }

    // At the cap: close the longest-idle keep-alive connection to make room (an idle connection holds no request, and a
    // client must expect the server to close one, RFC 9112 §9.5); when none is idle, answer 503 and close. Either way
    // the accept loop keeps draining the backlog, so a client never hangs in it unanswered.
    private void Admit(Socket client)
    {
        HttpConnection? victim = null;
        var admitted = false;
        lock (gate)
        {
            if (state == Running)
            {
                if (connections.Count - evictionsPending >= Options.MaxConnections)
                {
                    victim = TakeLongestIdle();
                }

                if (victim is not null || connections.Count - evictionsPending < Options.MaxConnections)
                {
                    var connection = new HttpConnection(this, client);
                    connections.Add(connection);
                    connectionsActive = connections.Count;
                    Interlocked.Increment(ref connectionsAccepted);
                    if (connections.Count == 1)
                    {
                        heartbeat?.Change(HeartbeatInterval, HeartbeatInterval);
                    }

                    connection.Start();
                    admitted = true;
                }
            }
        }

        if (victim is not null)
        {
            Interlocked.Increment(ref connectionsEvicted);
            victim.Abort(AbortReason.Evicted);
        }

        if (!admitted)
        {
            Refuse(client);
        }
    }

    // Under the gate. Bounded by the number of connections; a CAS fails only for one that just woke up.
    private HttpConnection? TakeLongestIdle()
    {
        for (var attempt = 0; attempt < 4; attempt++)
        {
            HttpConnection? oldest = null;
            foreach (var connection in connections)
            {
                if (connection.State == ConnectionState.Idle && (oldest is null || connection.IdleSince < oldest.IdleSince))
                {
                    oldest = connection;
                }
            }

            if (oldest is null)
            {
                return null;
            }

            if (oldest.TryClose(ConnectionState.Idle))
            {
                oldest.Evicted = true;
                evictionsPending++;
                return oldest;
            }
        }

        return null;
    }

    private void Refuse(Socket client)
    {
        if (IsStopping)
        {
            client.Dispose();
            return;
        }

        Interlocked.Increment(ref connectionsRefused);
        var now = Environment.TickCount64;
        var last = Interlocked.Read(ref lastCapWarning);
        if (now - last >= (long)CapWarningInterval.TotalMilliseconds && Interlocked.CompareExchange(ref lastCapWarning, now, last) == last)
        {
            logger?.LogWarning("status API: {Max} connections open, none idle: refusing new ones with 503", Options.MaxConnections);
        }

        try
        {
            // A new connection's send buffer is empty, so this non-blocking send of a few hundred bytes completes.
            client.Blocking = false;
            client.Send(refusal, SocketFlags.None, out _);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // The client is gone already.
        }
        finally
        {
            client.Dispose();
        }
    }

    /// <summary>Called by a connection's task as it ends.</summary>
    internal void Remove(HttpConnection connection)
    {
        lock (gate)
        {
            connections.Remove(connection);
            connectionsActive = connections.Count;
            if (connection.Evicted)
            {
                evictionsPending--;
            }

            if (connections.Count == 0)
            {
                heartbeat?.Change(Timeout.Infinite, Timeout.Infinite);
            }
        }
    }
}
