using System.Net.Sockets;

namespace WgAgent.Lab.Netns;

/// <summary>
/// Creates sockets that live in another network namespace, without a helper process.
/// </summary>
/// <remarks>
/// A socket belongs to the network namespace of the thread that created it, for its whole life
/// (socket(7), network_namespaces(7)). So a short-lived dedicated thread switches with setns(2), creates the
/// socket, and switches back; the socket is then used from any thread with the ordinary async APIs.
/// The thread pool is never switched, so nothing else in the process is affected.
/// </remarks>
public static class NetnsSockets
{
    /// <summary>Creates a socket inside the network namespace at <paramref name="netnsPath"/> (e.g. /run/netns/X).</summary>
    public static Socket Create(string netnsPath, AddressFamily family, SocketType type, ProtocolType protocol)
    {
        Socket? socket = null;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                socket = CreateOnThisThread(netnsPath, family, type, protocol);
            }
            catch (Exception e)
            {
                failure = e;
            }
        })
        {
            IsBackground = true,
            Name = "netns-socket",
        };
        thread.Start();
        if (!thread.Join(TimeSpan.FromSeconds(10)))
        {
            throw new LabException($"creating a socket in {netnsPath}: the helper thread did not finish in 10 s");
        }

        if (failure is not null)
        {
            throw failure as LabException ?? new LabException($"creating a socket in {netnsPath}: {failure.Message}", failure);
        }

        return socket!;
    }

    private static Socket CreateOnThisThread(string netnsPath, AddressFamily family, SocketType type, ProtocolType protocol)
    {
        // thread-self, not self: the switch is per thread, and this thread is the one to restore.
        using var original = File.OpenHandle("/proc/thread-self/ns/net");
        using var target = File.OpenHandle(netnsPath);
        Libc.SetNamespace(target, Libc.CloneNewNet, netnsPath);
        Socket? socket = null;
        try
        {
            socket = new Socket(family, type, protocol);
        }
        finally
        {
            try
            {
                Libc.SetNamespace(original, Libc.CloneNewNet, "the original network namespace");
            }
            catch
            {
                // The thread ends right after, so nothing else runs in the wrong namespace; just don't leak.
                socket?.Dispose();
                throw;
            }
        }

        return socket;
    }
}
