using System.Runtime.InteropServices;

namespace WgAgent.Interop;

/// <summary><c>struct sockaddr_un</c> (unix(7)): what bind(2) takes for a Unix socket path.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct SockaddrUnix
{
    /// <summary>The size of sun_path.</summary>
    public const int PathSize = 108;

    /// <summary>sun_family: AF_UNIX.</summary>
    public ushort Family;

    /// <summary>sun_path: the path, NUL-terminated.</summary>
    public fixed byte Path[PathSize];
}
