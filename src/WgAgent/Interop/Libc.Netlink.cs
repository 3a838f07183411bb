using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace WgAgent.Interop;

internal static partial class Libc
{
    /// <summary>AF_NETLINK.</summary>
    public const int AfNetlink = 16;

    /// <summary>RTMGRP_LINK: link notifications (rtnetlink(7)).</summary>
    public const uint RtmGroupLink = 0x1;

    /// <summary>RTMGRP_IPV4_IFADDR: IPv4 address notifications.</summary>
    public const uint RtmGroupIPv4Address = 0x10;

    /// <summary>RTMGRP_IPV6_IFADDR: IPv6 address notifications.</summary>
    public const uint RtmGroupIPv6Address = 0x100;

    private const int SockRaw = 3;
    private const int SockCloExec = 0x80000;
    private const int NetlinkRoute = 0;

    /// <summary>
    /// Opens a NETLINK_ROUTE socket in the calling thread's network namespace, already joined to
    /// <paramref name="groups"/>. .NET's Socket constructor refuses AF_NETLINK ("address family not supported"),
    /// so socket(2) and bind(2) are called here and the descriptor is handed to <see cref="Socket"/> afterwards.
    /// </summary>
    /// <param name="groups">RTMGRP_* bits (sockaddr_nl.nl_groups, netlink(7)).</param>
    /// <returns>The owned descriptor.</returns>
    /// <exception cref="IOException">socket or bind failed.</exception>
    public static SafeSocketHandle OpenRouteNetlinkSocket(uint groups)
    {
        // Neither socket(2) nor bind(2) on a netlink socket blocks, so neither returns EINTR.
        var fd = socket(AfNetlink, SockRaw | SockCloExec, NetlinkRoute);
        if (fd < 0)
        {
            throw Error("opening a NETLINK_ROUTE socket");
        }

        var handle = new SafeSocketHandle(fd, ownsHandle: true);
        var address = new SockaddrNetlink { Family = AfNetlink, Groups = groups };
        if (bind(fd, in address, Marshal.SizeOf<SockaddrNetlink>()) != 0)
        {
            var error = Error("joining the route netlink groups");
            handle.Dispose();
            throw error;
        }

        return handle;
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int socket(int domain, int type, int protocol);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int bind(int fd, in SockaddrNetlink address, int addressLength);
}
