using System.Net.Sockets;
using WgAgent.Interop;
using WgAgent.Tunnel;

namespace WgAgent.Firewall;

/// <summary>
/// A NETLINK_NETFILTER socket joined to NFNLGRP_NFTABLES, read with .NET's async socket API (no thread blocks in
/// recv). Receive-only: the kernel multicasts every committed nf_tables change to it.
/// </summary>
/// <remarks>
/// A socket belongs to the network namespace of the thread that created it, for its whole life
/// (network_namespaces(7)), and nf_tables notifies only listeners of the namespace whose ruleset changed. As in
/// <see cref="RouteNetlinkSocket"/>, a namespace path makes the socket be created on a short-lived thread that joined
/// that namespace with setns(2) and ends right after, so no other thread is ever switched.
/// </remarks>
internal sealed class NftablesMonitorSocket : IDisposable
{
    private static readonly TimeSpan NamespaceOpenLimit = TimeSpan.FromSeconds(10);
    private readonly Socket socket;

    private NftablesMonitorSocket(Socket socket) => this.socket = socket;

    /// <summary>Opens the socket; notifications are queued for it from the moment this returns.</summary>
    /// <param name="networkNamespacePath">E.g. <c>/run/netns/NAME</c>; null for the process's own namespace.</param>
    /// <param name="receiveBufferBytes">SO_RCVBUF to ask for (the kernel doubles it and caps it at
    /// net.core.rmem_max, socket(7)).</param>
    /// <returns>The open, subscribed socket.</returns>
    /// <exception cref="IOException">The socket could not be opened, bound or moved into the namespace.</exception>
    public static async Task<NftablesMonitorSocket> OpenAsync(string? networkNamespacePath, int receiveBufferBytes)
    {
        var handle = networkNamespacePath is null
            ? Libc.OpenNftablesMonitorSocket()
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

        return new NftablesMonitorSocket(socket);
    }

    /// <summary>Receives one datagram (one or more notifications).</summary>
    /// <param name="buffer">Where to put it.</param>
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
            // ENOBUFS is reported once and cleared (sk_err); what was queued before the drop is still there to read.
            return new NetlinkReceive(0, true);
        }
    }

    /// <inheritdoc/>
    public void Dispose() => socket.Dispose();

    private static async Task<SafeSocketHandle> OpenInNamespaceAsync(string path)
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

                completion.SetResult(Libc.OpenNftablesMonitorSocket());
            }
            catch (Exception e)
            {
                completion.SetException(e);
            }
        })
        {
            IsBackground = true,
            Name = "nftables-netns",
        };
        thread.Start();
        try
        {
            return await completion.Task.WaitAsync(NamespaceOpenLimit).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // The thread may still finish: close what it opens then, rather than leak the descriptor.
            _ = completion.Task.ContinueWith(t => t.Result.Dispose(), CancellationToken.None,
                TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
            throw new TimeoutException($"opening the nftables notification socket in {path}: no answer within {NamespaceOpenLimit.TotalSeconds:0} s");
        }
    }
}
