using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace WgAgent.Status.Tests.Support;

/// <summary>A bare-socket HTTP client for the tests: sends exact bytes, reads responses one by one, sees closes.</summary>
internal sealed class RawClient : IDisposable
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);
    private byte[] pending = new byte[1024];
    private int pendingCount;

    private RawClient(Socket socket) => Socket = socket;

    public Socket Socket { get; }

    public static async Task<RawClient> ConnectAsync(EndPoint endPoint)
    {
        var socket = endPoint is UnixDomainSocketEndPoint
            ? new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified)
            : new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            using var timeout = new CancellationTokenSource(DefaultTimeout);
            await socket.ConnectAsync(endPoint, timeout.Token);
            return new RawClient(socket);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public Task SendAsync(string text) => SendAsync(Encoding.ASCII.GetBytes(text));

    public async Task SendAsync(ReadOnlyMemory<byte> bytes)
    {
        using var timeout = new CancellationTokenSource(DefaultTimeout);
        while (bytes.Length > 0)
        {
            var sent = await Socket.SendAsync(bytes, SocketFlags.None, timeout.Token);
            bytes = bytes[sent..];
        }
    }

    /// <summary>Sends and ignores a failure (the server may have closed already: EPIPE, ECONNRESET).</summary>
    public async Task<bool> TrySendAsync(ReadOnlyMemory<byte> bytes)
    {
        try
        {
            await SendAsync(bytes);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public Task<RawResponse> GetAsync(string path) => RequestAsync($"GET {path} HTTP/1.1\r\nHost: localhost\r\n\r\n");

    public async Task<RawResponse> RequestAsync(string request)
    {
        await SendAsync(request);
        return await ReadResponseAsync();
    }

    public async Task<RawResponse> ReadResponseAsync(TimeSpan? limit = null)
    {
        using var timeout = new CancellationTokenSource(limit ?? DefaultTimeout);
        int headEnd;
        while ((headEnd = pending.AsSpan(0, pendingCount).IndexOf("\r\n\r\n"u8)) < 0)
        {
            await FillAsync(timeout.Token);
        }

        var head = Encoding.ASCII.GetString(pending, 0, headEnd).Split("\r\n");
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in head.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            headers[line[..colon]] = line[(colon + 1)..].Trim();
        }

        var status = int.Parse(head[0].Split(' ')[1], CultureInfo.InvariantCulture);
        var length = headers.TryGetValue("Content-Length", out var value) ? int.Parse(value, CultureInfo.InvariantCulture) : 0;
        Consume(headEnd + 4);
        while (pendingCount < length)
        {
            await FillAsync(timeout.Token);
        }

        var body = Encoding.UTF8.GetString(pending, 0, length);
        Consume(length);
        return new RawResponse(status, head[0], headers, body);
    }

    /// <summary>Whether the server closed the connection (EOF or reset) within <paramref name="limit"/>, ignoring data.</summary>
    public async Task<bool> WaitClosedAsync(TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        var scratch = new byte[4096];
        try
        {
            while (await Socket.ReceiveAsync(scratch, SocketFlags.None, timeout.Token) > 0)
            {
            }

            return true;
        }
        catch (SocketException)
        {
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public void Dispose() => Socket.Dispose();

    private async Task FillAsync(CancellationToken token)
    {
        if (pendingCount == pending.Length)
        {
            Array.Resize(ref pending, pending.Length * 2);
        }

        var received = await Socket.ReceiveAsync(pending.AsMemory(pendingCount), SocketFlags.None, token);
        if (received == 0)
        {
            throw new IOException($"the server closed the connection ({pendingCount} bytes unread: {Encoding.ASCII.GetString(pending, 0, pendingCount)})");
        }

        pendingCount += received;
    }

    private void Consume(int length)
    {
        pending.AsSpan(length, pendingCount - length).CopyTo(pending);
        pendingCount -= length;
    }
}
