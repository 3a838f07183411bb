using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using WgAgent.Lab.Hosts;

namespace WgAgent.Lab.Echo;

/// <summary>
/// TCP and UDP echo (RFC 862) on given addresses and ports of a lab host, run in the test process with
/// sockets created in the host's namespace. It records every hit, so a test can also ask "did anything
/// from the node reach the internet at all?".
/// </summary>
/// <remarks>
/// One socket per address (not a wildcard) so UDP replies leave from the address the probe was sent to;
/// a connected UDP client would drop a reply from any other source.
/// </remarks>
public sealed class EchoServer : IAsyncDisposable
{
    private static readonly TimeSpan IdleTimeout = TimeSpan.FromSeconds(10);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Socket> _sockets = [];
    private readonly List<Task> _loops = [];
    private readonly ConcurrentQueue<EchoHit> _hits = new();

    private EchoServer(string hostName) => HostName = hostName;

    /// <summary>The role name of the host it runs in.</summary>
    public string HostName { get; }

    /// <summary>Every endpoint it listens on (TCP and UDP alike).</summary>
    public IReadOnlyList<IPEndPoint> Endpoints { get; private set; } = [];

    /// <summary>What arrived so far, oldest first.</summary>
    public IReadOnlyList<EchoHit> Hits => [.. _hits];

    /// <summary>Starts listening (TCP and UDP) on every address × port.</summary>
    public static EchoServer Start(LabHost host, IEnumerable<IPAddress> addresses, IEnumerable<int> ports)
    {
        var server = new EchoServer(host.Name);
        try
        {
            server.Endpoints = [.. addresses.SelectMany(a => ports.Select(p => new IPEndPoint(a, p)))];
            foreach (var endpoint in server.Endpoints)
            {
                server.Listen(host, endpoint);
            }
        }
        catch
        {
            server.DisposeAsync().AsTask().GetAwaiter().GetResult();
            throw;
        }

        return server;
    }

    /// <summary>Forgets the hits so far (e.g. before a leak test's own probes).</summary>
    public void ClearHits() => _hits.Clear();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        lock (_sockets)
        {
            foreach (var socket in _sockets)
            {
                socket.Dispose();
            }

            _sockets.Clear();
        }

        // Closed sockets end every loop; bound the wait anyway.
        await Task.WhenAll(_loops).WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }

    private void Listen(LabHost host, IPEndPoint endpoint)
    {
        var tcp = Track(host.CreateSocket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp));
        tcp.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        tcp.Bind(endpoint);
        tcp.Listen(64);
        _loops.Add(Task.Run(() => AcceptLoopAsync(tcp, endpoint)));

        var udp = Track(host.CreateSocket(endpoint.AddressFamily, SocketType.Dgram, ProtocolType.Udp));
        udp.Bind(endpoint);
        _loops.Add(Task.Run(() => UdpLoopAsync(udp, endpoint)));
    }

    private Socket Track(Socket socket)
    {
        lock (_sockets)
        {
            _sockets.Add(socket);
        }

        return socket;
    }

    private async Task AcceptLoopAsync(Socket listener, IPEndPoint local)
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listener.AcceptAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _hits.Enqueue(new EchoHit("tcp", local, (IPEndPoint)client.RemoteEndPoint!, DateTimeOffset.UtcNow));
            _ = EchoConnectionAsync(client);
        }
    }

    private async Task EchoConnectionAsync(Socket client)
    {
        using (client)
        {
            var buffer = new byte[4096];
            try
            {
                while (true)
                {
                    // Bounded: a client that goes silent is dropped after the idle timeout.
                    using var idle = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
                    idle.CancelAfter(IdleTimeout);
                    var n = await client.ReceiveAsync(buffer, SocketFlags.None, idle.Token).ConfigureAwait(false);
                    if (n == 0)
                    {
                        return;
                    }

                    await client.SendAsync(buffer.AsMemory(0, n), SocketFlags.None, idle.Token).ConfigureAwait(false);
                }
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                // Client gone, idle, or the server stopping: the connection just ends.
            }
        }
    }

    private async Task UdpLoopAsync(Socket socket, IPEndPoint local)
    {
        var buffer = new byte[65535];
        EndPoint any = new IPEndPoint(local.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                var received = await socket.ReceiveFromAsync(buffer, SocketFlags.None, any, _stop.Token).ConfigureAwait(false);
                var remote = (IPEndPoint)received.RemoteEndPoint;
                _hits.Enqueue(new EchoHit("udp", local, remote, DateTimeOffset.UtcNow));
                await socket.SendToAsync(buffer.AsMemory(0, received.ReceivedBytes), SocketFlags.None, remote, _stop.Token)
                    .ConfigureAwait(false);
            }
            catch (SocketException)
            {
                // E.g. an ICMP error from an earlier reply surfacing here; keep serving.
                await Task.Delay(10).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
        }
    }
}
