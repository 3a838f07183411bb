using System.Buffers.Text;
using System.Net.Sockets;
using System.Text;

namespace WgAgent.Status.Bench.Load;

/// <summary>
/// One keep-alive HTTP/1.1 connection over a Unix socket, as plain as a client gets: the request's bytes are written as
/// they are, the answer is read by Content-Length (the daemon and the responder both send one; no chunked encoding), and
/// nothing is parsed but the status code, Content-Length and Connection. One request at a time.
/// </summary>
internal sealed class RawHttpConnection : IDisposable
{
    private const int BufferBytes = 64 * 1024;
    private readonly Socket socket;
    private readonly byte[] buffer = new byte[BufferBytes];
    private int start;
    private int end;

    private RawHttpConnection(Socket socket) => this.socket = socket;

    /// <summary>Connects to the socket file at <paramref name="path"/>.</summary>
    public static async Task<RawHttpConnection> OpenAsync(string path, CancellationToken cancellationToken)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(path), cancellationToken);
            return new RawHttpConnection(socket);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Sends <paramref name="request"/> and reads the whole answer.</summary>
    /// <returns>The status code, the answer's length (head and body) and whether the server will close the connection.</returns>
    /// <exception cref="IOException">The server closed the connection, or the answer is malformed or too large.</exception>
    public async ValueTask<(int Status, int Length, bool Closing)> ExchangeAsync(ReadOnlyMemory<byte> request, CancellationToken cancellationToken)
    {
        await socket.SendAsync(request, SocketFlags.None, cancellationToken);
        int headLength;
        while ((headLength = buffer.AsSpan(start, end - start).IndexOf("\r\n\r\n"u8)) < 0)
        {
            await FillAsync(cancellationToken);
        }

        headLength += 4;
        var (status, contentLength, closing) = ParseHead(buffer.AsSpan(start, headLength));
        var total = headLength + contentLength;
        if (total > BufferBytes)
        {
            throw new IOException($"answer of {total} bytes, more than the client's {BufferBytes}");
        }

        while (end - start < total)
        {
            await FillAsync(cancellationToken);
        }

        start += total;
        if (start == end)
        {
            (start, end) = (0, 0);
        }

        return (status, total, closing);
    }

    /// <summary>Sends <paramref name="request"/> and returns the answer's head (text) and body (bytes); for the one capture.</summary>
    public async Task<(string Head, byte[] Body)> CaptureAsync(ReadOnlyMemory<byte> request, CancellationToken cancellationToken)
    {
        var from = start;
        var (_, length, _) = await ExchangeAsync(request, cancellationToken);
        var answer = buffer.AsSpan(from, length);
        var headLength = answer.IndexOf("\r\n\r\n"u8) + 4;
        return (Encoding.ASCII.GetString(answer[..headLength]), answer[headLength..].ToArray());
    }

    /// <inheritdoc />
    public void Dispose() => socket.Dispose();

    private async ValueTask FillAsync(CancellationToken cancellationToken)
    {
        if (end == BufferBytes)
        {
            if (start == 0)
            {
                throw new IOException($"answer head larger than {BufferBytes} bytes");
            }

            buffer.AsSpan(start, end - start).CopyTo(buffer);
            (start, end) = (0, end - start);
        }

        var n = await socket.ReceiveAsync(buffer.AsMemory(end), SocketFlags.None, cancellationToken);
        if (n == 0)
        {
            throw new IOException("the server closed the connection");
        }

        end += n;
    }

    private static (int Status, int ContentLength, bool Closing) ParseHead(ReadOnlySpan<byte> head)
    {
        // "HTTP/1.1 200 OK\r\n…"
        if (head.Length < 12 || !head.StartsWith("HTTP/1.1 "u8) || !Utf8Parser.TryParse(head.Slice(9, 3), out int status, out _))
        {
            throw new IOException("not an HTTP/1.1 status line");
        }

        int? contentLength = null;
        var closing = false;
        var rest = head[(head.IndexOf("\r\n"u8) + 2)..];
        while (rest.Length > 2)
        {
            var lineEnd = rest.IndexOf("\r\n"u8);
            var line = rest[..lineEnd];
            rest = rest[(lineEnd + 2)..];
            var colon = line.IndexOf((byte)':');
            if (colon < 0)
            {
                continue;
            }

            var name = line[..colon];
            var value = line[(colon + 1)..].Trim((byte)' ');
            if (System.Text.Ascii.EqualsIgnoreCase(name, "Content-Length"u8) && Utf8Parser.TryParse(value, out int length, out _))
            {
                contentLength = length;
            }
            else if (System.Text.Ascii.EqualsIgnoreCase(name, "Connection"u8) && System.Text.Ascii.EqualsIgnoreCase(value, "close"u8))
            {
                closing = true;
            }
        }

        return (status, contentLength ?? throw new IOException("answer without Content-Length"), closing);
    }
}
