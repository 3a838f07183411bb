using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace WgAgent.Hosting.Systemd.Tests;

/// <summary>
/// A real AF_UNIX datagram socket standing in for the service manager's notify socket: bound to a path in
/// a fresh temp folder or to a unique abstract name, owned by the test and removed on dispose.
/// </summary>
public sealed class NotifyReceiver : IDisposable
{
    private readonly Socket socket;
    private readonly string? folder;

    private NotifyReceiver(Socket socket, string notifySocket, string? folder)
    {
        this.socket = socket;
        NotifySocket = notifySocket;
        this.folder = folder;
    }

    /// <summary>The address in NOTIFY_SOCKET syntax (a path, or "@name").</summary>
    public string NotifySocket { get; }

    /// <summary>Binds to TMP/wgagent-notify-XXXX/notify.</summary>
    public static NotifyReceiver AtPath()
    {
        var folder = Directory.CreateTempSubdirectory("wgagent-notify-").FullName;
        var path = Path.Combine(folder, "notify");
        return new NotifyReceiver(Bind(path), path, folder);
    }

    /// <summary>Binds to a unique abstract name (unix(7)): no file, gone when the socket closes.</summary>
    public static NotifyReceiver Abstract()
    {
        var name = $"wgagent-test-notify-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}";
        return new NotifyReceiver(Bind("\0" + name), "@" + name, null);
    }

    /// <summary>The next datagram's bytes, or null if none arrives within <paramref name="timeout"/>.</summary>
    public async Task<byte[]?> ReceiveBytesAsync(TimeSpan timeout)
    {
        var buffer = new byte[64 * 1024];
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            var count = await socket.ReceiveAsync(buffer, SocketFlags.None, cancel.Token);
            return buffer[..count];
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>The next datagram as UTF-8 text, or null on timeout.</summary>
    public async Task<string?> ReceiveAsync(TimeSpan timeout) =>
        await ReceiveBytesAsync(timeout) is { } bytes ? Encoding.UTF8.GetString(bytes) : null;

    /// <summary>Closes the socket (a path's socket file stays until dispose: "nobody listens").</summary>
    public void Close() => socket.Close();

    /// <inheritdoc/>
    public void Dispose()
    {
        socket.Dispose();
        if (folder is not null)
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static Socket Bind(string name)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        try
        {
            socket.Bind(new UnixDomainSocketEndPoint(name));
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
