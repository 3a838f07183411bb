using System.Buffers;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace WgAgent.Status.Http;

/// <summary>
/// One accepted connection: reads requests in order, answers each, and ends on close, error, timeout, eviction or
/// stop. The server's heartbeat enforces the deadlines by cancelling <see cref="aborted"/>; the connection never
/// blocks a thread.
/// </summary>
internal sealed partial class HttpConnection
{
    private readonly HttpServer server;
    private readonly Socket socket;
    private readonly HttpServerOptions options;
    private readonly CancellationTokenSource aborted = new();
    private byte[]? buffer;
    private int start;
    private int count;
    private int state = (int)ConnectionState.New;
    private long deadline;
    private long idleSince;
    private int abortReason;
    private bool servedAny;
    private PeerCredentials? peer;
    private EndPoint? remote;

    public HttpConnection(HttpServer server, Socket socket)
    {
        this.server = server;
        this.socket = socket;
        options = server.Options;
        deadline = Environment.TickCount64 + (long)options.HeaderTimeout.TotalMilliseconds;
    }

    /// <summary>The connection's task; set by <see cref="Start"/>.</summary>
    public Task Completion { get; private set; } = Task.CompletedTask;

    public ConnectionState State => (ConnectionState)Volatile.Read(ref state);

    /// <summary>When it became idle (Environment.TickCount64).</summary>
    public long IdleSince => Volatile.Read(ref idleSince);

    /// <summary>Whether the server closed it to make room (set under the server's gate).</summary>
    public bool Evicted { get; set; }

    public void Start() => Completion = Task.Run(RunAsync);

    /// <summary>Moves <paramref name="from"/> → Closed atomically; false when the connection was elsewhere.</summary>
    public bool TryClose(ConnectionState from) =>
        Interlocked.CompareExchange(ref state, (int)ConnectionState.Closed, (int)from) == (int)from;

    /// <summary>Cancels whatever the connection awaits; the first reason wins.</summary>
    public void Abort(AbortReason reason)
    {
        if (Interlocked.CompareExchange(ref abortReason, (int)reason, (int)AbortReason.None) != (int)AbortReason.None
            && reason != AbortReason.StopTimeout)
        {
            return;
        }

        try
        {
            aborted.Cancel();
            if (reason == AbortReason.StopTimeout)
            {
                // A handler that ignores its token must not keep the client waiting past the stop.
                socket.Dispose();
            }
        }
        catch (ObjectDisposedException)
        {
            // Ended meanwhile.
        }
    }

    /// <summary>Called by the heartbeat: aborts the connection when its current deadline has passed.</summary>
    public void CheckDeadline(long now)
    {
        if (now <= Volatile.Read(ref deadline))
        {
            return;
        }

        switch (State)
        {
            case ConnectionState.New or ConnectionState.ReadingHead:
                Abort(AbortReason.HeaderTimeout);
                break;
            case ConnectionState.Idle:
                if (TryClose(ConnectionState.Idle))
                {
                    Abort(AbortReason.IdleTimeout);
                }

                break;
            case ConnectionState.ReadingBody:
                Abort(AbortReason.BodyTimeout);
                break;
            case ConnectionState.Writing:
                Abort(AbortReason.SendTimeout);
                break;
        }
    }

    private async Task RunAsync()
    {
        var token = aborted.Token;
        try
        {
            if (server.IsUnixSocket)
            {
                peer = PeerIdentity.TryRead(socket);
            }
            else
            {
                remote = socket.RemoteEndPoint;
            }

            // Bounded: each pass reads at least one byte, answers one request, or returns false.
            while (await ServeOneAsync(token).ConfigureAwait(false))
            {
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            OnAborted();
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or IOException)
        {
            // The client reset or left; nothing to answer.
            server.Logger?.LogDebug("status API: connection ended: {Error}", e.Message);
        }
        catch (Exception e)
        {
            server.Logger?.LogError(e, "status API: connection failed");
        }
        finally
        {
            ReturnBuffer();
            socket.Dispose();
            aborted.Dispose();
            server.Remove(this);
        }
    }

    private void OnAborted()
    {
        if ((AbortReason)Volatile.Read(ref abortReason) == AbortReason.HeaderTimeout && State == ConnectionState.ReadingHead)
        {
            // Part of a request came, too slowly: say so (best effort, never waiting), then close.
            server.CountRequestError();
            var timeout = HttpResponse.Error(408, $"the request head did not arrive within {options.HeaderTimeout.TotalSeconds:0.###} s");
            TrySendNow(HttpServer.Serialize(timeout, keepAlive: false, server.Date));
        }
    }

    private void TrySendNow(ReadOnlySpan<byte> bytes)
    {
        try
        {
            socket.Blocking = false;
            socket.Send(bytes, SocketFlags.None, out _);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Gone already.
        }
    }

    private void Enter(ConnectionState next, TimeSpan? limit)
    {
        Volatile.Write(ref deadline, limit is { } t ? Environment.TickCount64 + (long)t.TotalMilliseconds : long.MaxValue);
        Volatile.Write(ref state, (int)next);
    }

    // Waiting → ReadingHead unless the server closed it meanwhile (evicted, stopped).
    private bool TryLeaveWaiting(ConnectionState waiting) =>
        Interlocked.CompareExchange(ref state, (int)ConnectionState.ReadingHead, (int)waiting) == (int)waiting;

    private Memory<byte> RentBuffer()
    {
        buffer ??= ArrayPool<byte>.Shared.Rent(options.MaxRequestHeadBytes);
        return buffer.AsMemory(0, options.MaxRequestHeadBytes);
    }

    private void ReturnBuffer()
    {
        if (buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = null;
        }

        start = 0;
        count = 0;
    }
}
