using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace WgAgent.Interop;

internal static partial class Libc
{
    /// <summary>NFNLGRP_NFTABLES (linux/netfilter/nfnetlink.h): nf_tables change notifications, what
    /// <c>nft monitor</c> reads.</summary>
    public const int NfnlGroupNftables = 7;

    private const int NetlinkNetfilter = 12;

    /// <summary>
    /// Opens a NETLINK_NETFILTER socket in the calling thread's network namespace, joined to NFNLGRP_NFTABLES. Like
    /// <see cref="OpenRouteNetlinkSocket"/>, through socket(2) and bind(2) because .NET's Socket refuses AF_NETLINK.
    /// </summary>
    /// <returns>The owned descriptor.</returns>
    /// <exception cref="IOException">socket or bind failed (e.g. EPERM without CAP_NET_ADMIN, or no nfnetlink).</exception>
    public static SafeSocketHandle OpenNftablesMonitorSocket()
    {
        var fd = socket(AfNetlink, SockRaw | SockCloExec, NetlinkNetfilter);
        if (fd < 0)
        {
            throw Error("opening a NETLINK_NETFILTER socket");
        }

        var handle = new SafeSocketHandle(fd, ownsHandle: true);

        // sockaddr_nl.nl_groups is a bit mask in which group g is bit g - 1 (netlink(7)); group 7 fits, so bind(2)
        // joins it without setsockopt(NETLINK_ADD_MEMBERSHIP).
        var address = new SockaddrNetlink { Family = AfNetlink, Groups = 1u << (NfnlGroupNftables - 1) };
        if (bind(fd, in address, Marshal.SizeOf<SockaddrNetlink>()) != 0)
        {
            var error = Error("joining the nftables notification group");
            handle.Dispose();
            throw error;
        }

        return handle;
    }
}
