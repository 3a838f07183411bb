namespace WgAgent.Core.Tunnel;

/// <summary>A request for a full listing (NLM_F_DUMP, netlink(7)) that the host must send to the kernel.</summary>
/// <param name="Kind">Links or addresses.</param>
/// <param name="Sequence">nlmsg_seq; the reply's parts and its NLMSG_DONE carry it back.</param>
public sealed record DumpRequest(DumpKind Kind, uint Sequence)
{
    /// <summary>The message to send: <c>struct nlmsghdr</c> then a zeroed <c>ifinfomsg</c> (RTM_GETLINK) or
    /// <c>ifaddrmsg</c> (RTM_GETADDR) with family AF_UNSPEC, i.e. all links, or addresses of both families.</summary>
    /// <returns>The bytes, in the host's byte order.</returns>
    public byte[] Encode()
    {
        // The full struct rather than the older one-byte rtgenmsg: with NETLINK_GET_STRICT_CHK the kernel wants it.
        var bodyLength = Kind == DumpKind.Links ? RtNetlink.IfInfoLength : RtNetlink.IfAddrLength;
        var message = new byte[RtNetlink.HeaderLength + bodyLength];
        NetlinkBytes.Write(message, 0, (uint)message.Length);
        NetlinkBytes.Write(message, 4, Kind == DumpKind.Links ? RtNetlink.GetLink : RtNetlink.GetAddr);
        NetlinkBytes.Write(message, 6, (ushort)(RtNetlink.FlagRequest | RtNetlink.FlagDump));
        NetlinkBytes.Write(message, 8, Sequence);

        // nlmsg_pid 0 and the zeroed body (AF_UNSPEC) are already in place.
        return message;
    }
}
