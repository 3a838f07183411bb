using System.Net;
using System.Net.Sockets;
using WgAgent.Interop;

namespace WgAgent.Status.Http;

public sealed partial class HttpServer
{
    private static readonly TimeSpan NamespaceOpenLimit = TimeSpan.FromSeconds(10);

    // Creates, binds and listens in the calling thread's network namespace.
    private (Socket Listener, UnixSocketFile? File) Listen()
    {
        return endPoint switch
        {
            UnixDomainSocketEndPoint unix => ListenUnix(unix),
            IPEndPoint ip => (ListenIp(ip), null),
            _ => throw new InvalidOperationException($"unsupported endpoint {endPoint}"),
        };
    }

    private (Socket, UnixSocketFile?) ListenUnix(UnixDomainSocketEndPoint unix)
    {
        var (socket, file) = UnixSocketFile.Bind(unix, Options);
        try
        {
            socket.Listen(Options.ListenBacklog);
            return (socket, file);
        }
        catch (SocketException e)
        {
            file.RemoveIfOurs();
            socket.Dispose();
            throw new IOException($"listening on {unix}: {e.Message}", e);
        }
    }

    private Socket ListenIp(IPEndPoint ip)
    {
        var socket = new Socket(ip.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            if (ip.AddressFamily == AddressFamily.InterNetworkV6)
            {
                // An IPv6 address means only that address, never the IPv4 ones as well.
                socket.DualMode = false;
            }

            // A restart must not fail on the previous run's connections in TIME_WAIT. On Linux SO_REUSEADDR never lets
            // two sockets listen on the same address and port.
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            if (Options.FreeBind)
            {
                Libc.SetFreeBind(socket);
            }

            socket.Bind(ip);
            socket.Listen(Options.ListenBacklog);
            return socket;
        }
        catch (SocketException e)
        {
            socket.Dispose();
            var hint = e.SocketErrorCode == SocketError.AddressNotAvailable && !Options.FreeBind
                ? " (the address is not on this host; FreeBind allows binding before it appears)"
                : string.Empty;
            throw new IOException($"listening on {ip}: {e.Message}{hint}", e);
        }
    }

    // A socket belongs to the network namespace of the thread that created it, for its whole life
    // (network_namespaces(7)): a short-lived thread joins the namespace with setns(2), creates the socket and ends, so
    // no other thread is ever switched. Accepting then works from any thread.
    private Task<(Socket, UnixSocketFile?)> ListenInNamespaceAsync(string path, CancellationToken cancellationToken)
    {
        var completion = new TaskCompletionSource<(Socket, UnixSocketFile?)>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                using (var target = File.OpenHandle(path))
                {
                    Libc.SetNetworkNamespace(target, path);
                }

                completion.SetResult(Listen());
            }
            catch (Exception e)
            {
                completion.SetException(e);
            }
        })
        {
            IsBackground = true,
            Name = "http-netns",
        };
        thread.Start();
        return completion.Task.WaitAsync(NamespaceOpenLimit, cancellationToken);
    }
}
