using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;

namespace WgAgent.Interop;

internal static partial class Libc
{
    private const int AfUnix = 1;
    private const int SockStream = 1;

    /// <summary>
    /// Creates an AF_UNIX stream socket bound to <paramref name="path"/> with socket(2) and bind(2) directly. .NET's
    /// Socket.Bind remembers a path it bound and unlinks that path when the socket is disposed, whatever file is there
    /// by then; the server removes its socket file itself, and only if it is still its own.
    /// </summary>
    /// <param name="path">The socket file to create (at most 107 bytes).</param>
    /// <returns>The owned, bound descriptor (not listening yet).</returns>
    /// <exception cref="IOException">socket or bind failed (e.g. EADDRINUSE, EACCES, ENOENT).</exception>
    public static unsafe SafeSocketHandle BindUnixSocket(string path)
    {
        var bytes = Encoding.UTF8.GetBytes(path);
        if (bytes.Length >= SockaddrUnix.PathSize)
        {
            throw new IOException($"binding {path}: the path is longer than {SockaddrUnix.PathSize - 1} bytes");
        }

        var address = new SockaddrUnix { Family = AfUnix };
        bytes.CopyTo(new Span<byte>(address.Path, SockaddrUnix.PathSize));

        // Neither socket(2) nor bind(2) on a Unix socket blocks, so neither returns EINTR.
        var fd = socket(AfUnix, SockStream | SockCloExec, 0);
        if (fd < 0)
        {
            throw Error("opening a Unix socket");
        }

        var handle = new SafeSocketHandle(fd, ownsHandle: true);
        if (bindUnix(fd, in address, sizeof(ushort) + bytes.Length + 1) != 0)
        {
            var error = Error($"binding {path}");
            handle.Dispose();
            throw error;
        }

        return handle;
    }

    [LibraryImport("libc", EntryPoint = "bind", SetLastError = true)]
    private static partial int bindUnix(int fd, in SockaddrUnix address, int addressLength);
}
