using System.Net.Sockets;
using WgAgent.Interop;

namespace WgAgent.Tunnel;

/// <summary>
/// A NETLINK_ROUTE socket joined to the link and IPv4/IPv6 address notification groups, used with .NET's async
/// socket API (no thread blocks in recv).
/// </summary>
/// <remarks>
/// A socket belongs to the network namespace of the thread that created it, for its whole life
/// (network_namespaces(7)). The daemon opens it in its own namespace; tests pass a namespace path, and the socket is
/// then created on a short-lived thread that joined that namespace with setns(2) and ends right after, so no other
/// thread is ever switched.
/// </remarks>
public sealed class RouteNetlinkSocket : IDisposable
{
    /// <summary>The groups joined: RTMGRP_LINK | RTMGRP_IPV4_IFADDR | RTMGRP_IPV6_IFADDR.</summary>
    public const uint Groups = Libc.RtmGroupLink | Libc.RtmGroupIPv4Address | Libc.RtmGroupIPv6Address;

    private static readonly TimeSpan NamespaceOpenLimit = TimeSpan.FromSeconds(10);
    private readonly Socket socket;

    private RouteNetlinkSocket(Socket socket) => this.socket = socket;

    /// <summary>Opens the socket.</summary>
    /// <param name="networkNamespacePath">E.g. <c>/run/netns/NAME</c>; null for the process's own namespace.</param>
    /// <param name="receiveBufferBytes">SO_RCVBUF to ask for (the kernel doubles it and caps it at
    /// net.core.rmem_max, socket(7)); a larger queue makes ENOBUFS under a burst of changes less likely.</param>
    /// <returns>The open, subscribed socket.</returns>
    /// <exception cref="IOException">The socket could not be opened, bound or moved into the namespace.</exception>
    public static async Task<RouteNetlinkSocket> OpenAsync(string? networkNamespacePath, int receiveBufferBytes)
    {
        var handle = networkNamespacePath is null
            ? Libc.OpenRouteNetlinkSocket(Groups)
            : await OpenInNamespaceAsync(networkNamespacePath).ConfigureAwait(false);
        Socket socket;
        try
        {
            socket = new Socket(handle);
        }
        catch
        {
            handle.Dispose();
            throw;
        }

        try
        {
            socket.ReceiveBufferSize = receiveBufferBytes;
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        return new RouteNetlinkSocket(socket);
    }

    /// <summary>Sends one request to the kernel (an unaddressed send goes to port 0, the kernel; netlink(7)).</summary>
    /// <param name="message">A complete netlink message.</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    /// <returns>A task that completes when the kernel took the message.</returns>
    public async Task SendAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
    {
        var sent = await socket.SendAsync(message, SocketFlags.None, cancellationToken).ConfigureAwait(false);
        if (sent != message.Length)
        {
            throw new IOException($"sending to route netlink: {sent} of {message.Length} bytes sent");
        }
    }

    /// <summary>Receives one datagram (one or more netlink messages).</summary>
    /// <param name="buffer">Where to put it; 64 KiB is more than the kernel puts in one datagram (dump parts are at
    /// most 32 KiB).</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The length, or an overrun.</returns>
    public async ValueTask<NetlinkReceive> ReceiveAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        try
        {
            var length = await socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken).ConfigureAwait(false);
            return new NetlinkReceive(length, false);
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.NoBufferSpaceAvailable)
        {
            // ENOBUFS is reported once and cleared (sk_err); the queued messages are still there to read.
            return new NetlinkReceive(0, true);
        }
    }

    /// <inheritdoc/>
    public void Dispose() => socket.Dispose();

    private static Task<SafeSocketHandle> OpenInNamespaceAsync(string path)
    {
        var completion = new TaskCompletionSource<SafeSocketHandle>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                // The thread ends right after, so it is never switched back and nothing else runs on it.
                using (var target = File.OpenHandle(path))
                {
                    Libc.SetNetworkNamespace(target, path);
                }

                completion.SetResult(Libc.OpenRouteNetlinkSocket(Groups));
            }
            catch (Exception e)
            {
                completion.SetException(e);
            }
        })
        {
            IsBackground = true,
            Name = "netlink-netns",
        };
        thread.Start();
        return completion.Task.WaitAsync(NamespaceOpenLimit);
    }
}
