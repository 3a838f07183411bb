using System.Buffers;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace WgAgent.Interop;

internal static partial class Libc
{
    // <asm-generic/socket.h>, which x86-64 and AArch64 both use, and <linux/in.h>, <linux/in6.h>.
    private const int SolSocket = 1;
    private const int SoPeerCred = 17;
    private const int SoPeerGroups = 59;
    private const int SolIp = 0;
    private const int IpFreeBind = 15;
    private const int SolIpv6 = 41;
    private const int Ipv6FreeBind = 78;

    // NGROUPS_MAX is 65536; a first try with room for 64 covers nearly every caller without a large buffer.
    private const int PeerGroupsFirstTry = 64;
    private const int PeerGroupsMax = 65536;

    /// <summary>
    /// The credentials the peer of a connected AF_UNIX socket had when it called connect(2) (SO_PEERCRED, unix(7)):
    /// its pid, effective uid and effective gid. Read through .NET's raw socket option API, no P/Invoke needed.
    /// </summary>
    /// <param name="socket">A connected Unix stream socket.</param>
    /// <returns>pid, uid, gid.</returns>
    /// <exception cref="SocketException">getsockopt failed.</exception>
    public static (int ProcessId, uint UserId, uint GroupId) GetPeerCredentials(Socket socket)
    {
        Span<byte> ucred = stackalloc byte[12]; // struct ucred { pid_t pid; uid_t uid; gid_t gid; }
        var length = socket.GetRawSocketOption(SolSocket, SoPeerCred, ucred);
        if (length < 12)
        {
            throw new SocketException((int)SocketError.InvalidArgument);
        }

        return (MemoryMarshal.Read<int>(ucred),
            MemoryMarshal.Read<uint>(ucred[4..]),
            MemoryMarshal.Read<uint>(ucred[8..]));
    }

    /// <summary>
    /// The peer's supplementary groups as they were at connect(2) (SO_PEERGROUPS, Linux 4.13+). Unlike
    /// /proc/PID/status this cannot be fooled by the peer exiting and its pid being reused.
    /// </summary>
    /// <param name="socket">A connected Unix stream socket.</param>
    /// <returns>The gids, or null when the kernel does not support the option.</returns>
    public static uint[]? TryGetPeerGroups(Socket socket)
    {
        foreach (var count in (ReadOnlySpan<int>)[PeerGroupsFirstTry, PeerGroupsMax])
        {
            var buffer = ArrayPool<byte>.Shared.Rent(count * sizeof(uint));
            try
            {
                // Too small a buffer fails with ERANGE (the needed size is not surfaced by .NET): retry once at the max.
                var length = socket.GetRawSocketOption(SolSocket, SoPeerGroups, buffer.AsSpan(0, count * sizeof(uint)));
                var groups = new uint[length / sizeof(uint)];
                for (var i = 0; i < groups.Length; i++)
                {
                    groups[i] = MemoryMarshal.Read<uint>(buffer.AsSpan(i * sizeof(uint)));
                }

                return groups;
            }
            catch (SocketException)
            {
                // ERANGE: try the larger buffer; ENOPROTOOPT: an old kernel, the caller falls back.
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        return null;
    }

    /// <summary>
    /// Lets <paramref name="socket"/> bind to an IP address the host does not have (yet): IP_FREEBIND / IPV6_FREEBIND
    /// (ip(7), ipv6(7)). The WireGuard address appears only when wg-quick configures wg0.
    /// </summary>
    /// <param name="socket">An unbound TCP socket.</param>
    /// <exception cref="SocketException">setsockopt failed.</exception>
    public static void SetFreeBind(Socket socket)
    {
        Span<byte> one = stackalloc byte[4];
        var on = 1;
        MemoryMarshal.Write(one, in on);
        if (socket.AddressFamily == AddressFamily.InterNetworkV6)
        {
            socket.SetRawSocketOption(SolIpv6, Ipv6FreeBind, one);
        }
        else
        {
            socket.SetRawSocketOption(SolIp, IpFreeBind, one);
        }
    }
}
