using System.Buffers;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace WgAgent.Status.Http;

internal sealed partial class HttpConnection
{
    // Bodies up to this size go out in the same send as the head.
    private const int CoalesceLimit = 16 * 1024;

    // Makes sure at least the first byte of a request is buffered. Between requests nothing is buffered and no buffer
    // is held: a zero-byte receive waits for data without one (as Kestrel does), so idle connections cost no memory.
    private async ValueTask<bool> ReceiveHeadStartAsync(CancellationToken token)
    {
        if (count > 0)
        {
            // A pipelined request is buffered already; its head has the header timeout from now.
            Enter(ConnectionState.ReadingHead, options.HeaderTimeout);
            return true;
        }

        ReturnBuffer();
        var waiting = servedAny ? ConnectionState.Idle : ConnectionState.New;
        if (servedAny)
        {
            Volatile.Write(ref idleSince, Environment.TickCount64);
            Enter(ConnectionState.Idle, options.IdleTimeout);
        }

        // After publishing Idle (a full fence, below): a stop that began meanwhile either sees Idle and closes this
        // connection, or is seen here.
        Interlocked.MemoryBarrier();
        if (server.IsStopping)
        {
            return false;
        }

        await socket.ReceiveAsync(Memory<byte>.Empty, SocketFlags.None, token).ConfigureAwait(false);
        if (servedAny)
        {
            // For a new connection the header timeout runs from the accept; between requests from the first byte.
            // Set before leaving Idle, so the heartbeat never judges the new state by the idle deadline.
            Volatile.Write(ref deadline, Environment.TickCount64 + (long)options.HeaderTimeout.TotalMilliseconds);
        }

        if (!TryLeaveWaiting(waiting))
        {
            return false; // evicted or stopped meanwhile
        }

        var received = await socket.ReceiveAsync(RentBuffer(), SocketFlags.None, token).ConfigureAwait(false);
        count = received;
        return received > 0;
    }

    private async ValueTask<bool> ReceiveMoreAsync(CancellationToken token)
    {
        if (start > 0)
        {
            buffer.AsSpan(start, count).CopyTo(buffer);
            start = 0;
        }

        var received = await socket.ReceiveAsync(RentBuffer()[count..], SocketFlags.None, token).ConfigureAwait(false);
        count += received;
        return received > 0;
    }

    private async ValueTask<byte[]?> ReceiveBodyAsync(HttpRequestHead head, CancellationToken token)
    {
        var length = (int)head.ContentLength;
        if (length == 0)
        {
            return [];
        }

        var body = new byte[length];
        var filled = Math.Min(count, length);
        buffer.AsSpan(start, filled).CopyTo(body);
        start += filled;
        count -= filled;
        if (filled == length)
        {
            return body;
        }

        Enter(ConnectionState.ReadingBody, options.BodyTimeout);
        if (head.ExpectContinue && filled == 0)
        {
            await SendBytesAsync(HttpResponseWriter.Continue.ToArray(), token).ConfigureAwait(false);
        }

        // Bounded by the body timeout.
        while (filled < length)
        {
            var received = await socket.ReceiveAsync(body.AsMemory(filled), SocketFlags.None, token).ConfigureAwait(false);
            if (received == 0)
            {
                return null;
            }

            filled += received;
        }

        return body;
    }

    private async ValueTask SendAsync(HttpResponse response, bool keepAlive, CancellationToken token)
    {
        Enter(ConnectionState.Writing, options.SendTimeout);
        var headLength = HttpResponseWriter.MaxHeadLength(response);
        var coalesce = response.Body.Length <= CoalesceLimit;
        var scratch = ArrayPool<byte>.Shared.Rent(headLength + (coalesce ? response.Body.Length : 0));
        try
        {
            int written;
            try
            {
                written = HttpResponseWriter.WriteHead(scratch, response, keepAlive, server.Date);
            }
            catch (ArgumentException e)
            {
                // A handler's content type or field with a CR, LF or non-ASCII character: never sent as is.
                server.CountHandlerError();
                server.Logger?.LogError(e, "status API: invalid response");
                var error = HttpResponse.Error(500, "internal error: the response had an invalid header field");
                await SendBytesAsync(HttpServer.Serialize(error, keepAlive, server.Date), token).ConfigureAwait(false);
                return;
            }

            if (coalesce)
            {
                response.Body.Span.CopyTo(scratch.AsSpan(written));
                await SendBytesAsync(scratch.AsMemory(0, written + response.Body.Length), token).ConfigureAwait(false);
            }
            else
            {
                await SendBytesAsync(scratch.AsMemory(0, written), token).ConfigureAwait(false);
                await SendBytesAsync(response.Body, token).ConfigureAwait(false);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(scratch);
        }
    }

    private async ValueTask SendBytesAsync(ReadOnlyMemory<byte> bytes, CancellationToken token)
    {
        // Bounded by the send timeout (the heartbeat cancels the token).
        while (bytes.Length > 0)
        {
            var sent = await socket.SendAsync(bytes, SocketFlags.None, token).ConfigureAwait(false);
            bytes = bytes[sent..];
        }
    }
}
