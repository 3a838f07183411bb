using System.Net.Sockets;

namespace WgAgent.Serilog.Sinks.Journald.Tests;

/// <summary>
/// A real AF_UNIX datagram socket in a fresh temp folder standing in for journald's native socket; receives
/// plain datagrams and memfd-carrying ones (through <see cref="TestLibc"/>). Removed on dispose.
/// </summary>
public sealed class JournalReceiver : IDisposable
{
    private readonly Socket socket;
    private readonly string folder;

    public JournalReceiver()
    {
        folder = Directory.CreateTempSubdirectory("wgagent-journal-").FullName;
        SocketPath = Path.Combine(folder, "socket");
        socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(SocketPath));
        // Room for the largest plain datagram the tests send.
        socket.ReceiveBufferSize = 4 * 1024 * 1024;
    }

    public string SocketPath { get; }

    /// <summary>The next datagram, or null if none arrives within <paramref name="timeout"/>.</summary>
    public JournalDatagramReceived? Receive(TimeSpan timeout)
    {
        if (!socket.Poll(timeout, SelectMode.SelectRead))
        {
            return null;
        }

        return TestLibc.ReceiveWithDescriptor(socket.SafeHandle, 1024 * 1024);
    }

    /// <summary>The next entry's fields (from the payload, or from the memfd if one came).</summary>
    public List<(string Name, string Value)> ReceiveFields(TimeSpan? timeout = null)
    {
        var datagram = Receive(timeout ?? TimeSpan.FromSeconds(5)) ?? throw new TimeoutException("no datagram arrived");
        return JournalEntryParser.Parse(datagram.Memfd?.Content ?? datagram.Payload);
    }

    /// <summary>Closes the socket; the socket file stays until dispose (a journal nobody listens on).</summary>
    public void Close() => socket.Close();

    public void Dispose()
    {
        socket.Dispose();
        Directory.Delete(folder, recursive: true);
    }
}

/// <summary>One received datagram: its payload, and the memfd it carried, if any.</summary>
public sealed record JournalDatagramReceived(byte[] Payload, ReceivedMemfd? Memfd);

/// <summary>What a passed memfd held and which seals it had.</summary>
public sealed record ReceivedMemfd(byte[] Content, int Seals);
