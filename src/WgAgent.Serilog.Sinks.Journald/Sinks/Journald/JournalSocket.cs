using System.Net.Sockets;
using Serilog.Sinks.Journald.Interop;

namespace Serilog.Sinks.Journald;

/// <summary>Sends serialized entries to journald's native socket: as a datagram, or through a memfd when too big.</summary>
internal sealed class JournalSocket : IDisposable
{
    private readonly UnixDomainSocketEndPoint endpoint;
    private readonly Socket socket;
    private readonly TimeSpan sendTimeout;

    public JournalSocket(string path, int sendBufferSize, TimeSpan sendTimeout)
    {
        endpoint = new UnixDomainSocketEndPoint(path);
        this.sendTimeout = sendTimeout;
        // Unconnected: each send names the path, so a journald restart (a new socket at the same path)
        // is picked up by the next event instead of failing forever on the old, closed one.
        socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified)
        {
            SendBufferSize = sendBufferSize,
            SendTimeout = (int)sendTimeout.TotalMilliseconds,
        };
    }

    /// <summary>Sends <paramref name="entry"/>; returns null when journald took it, else why it did not.</summary>
    public string? TrySend(byte[] entry)
    {
        try
        {
            socket.SendTo(entry, SocketFlags.None, endpoint);
            return null;
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.MessageSize)
        {
            // JOURNAL_NATIVE_PROTOCOL.md: on EMSGSIZE retry at once through a sealed memfd.
            return TrySendThroughMemfd(entry);
        }
        catch (SocketException e)
        {
            return Describe(e);
        }
        catch (ObjectDisposedException)
        {
            return "the sink is disposed";
        }
    }

    public void Dispose() => socket.Dispose();

    // .NET reports a missing socket file (ENOENT) as "Cannot assign requested address"; say what it means.
    private static string Describe(SocketException e) => e.SocketErrorCode switch
    {
        SocketError.AddressNotAvailable => "no socket at that path (is systemd-journald running?)",
        SocketError.ConnectionRefused => "nobody listens on the socket (journald stopped?)",
        SocketError.WouldBlock or SocketError.TimedOut => "journald did not take the entry within the send timeout",
        _ => e.Message,
    };

    private string? TrySendThroughMemfd(byte[] entry)
    {
        try
        {
            using var memfd = Libc.CreateSealedMemfd("journal-entry", entry);
            using var carrier = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified)
            {
                SendTimeout = (int)sendTimeout.TotalMilliseconds,
            };
            carrier.Connect(endpoint);
            Libc.SendFileDescriptor(carrier.SafeHandle, memfd);
            return null;
        }
        catch (SocketException e)
        {
            return $"{entry.Length}-byte entry: {Describe(e)}";
        }
        catch (IOException e)
        {
            return $"{entry.Length}-byte entry: {e.Message}";
        }
    }
}
