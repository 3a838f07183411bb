namespace WgAgent.Core.Tunnel;

/// <summary>The header every netlink message starts with (<c>struct nlmsghdr</c>, netlink(7)), minus its length.</summary>
/// <param name="Type">nlmsg_type, e.g. 16 for RTM_NEWLINK.</param>
/// <param name="Flags">nlmsg_flags (NLM_F_*).</param>
/// <param name="Sequence">nlmsg_seq: the sequence number of the request this answers. Notifications caused by another
/// process's request carry that process's number, so only together with <see cref="IsMultipart"/> does it identify
/// a reply to one of our dumps.</param>
/// <param name="PortId">nlmsg_pid: the port id of the requester, 0 for the kernel's own notifications.</param>
public readonly record struct NetlinkHeader(ushort Type, ushort Flags, uint Sequence, uint PortId)
{
    /// <summary>NLM_F_MULTI: a part of a multipart reply (a dump), ended by NLMSG_DONE. rtnetlink notifications
    /// never set it.</summary>
    public bool IsMultipart => (Flags & RtNetlink.FlagMulti) != 0;

    /// <summary>NLM_F_DUMP_INTR: the kernel's tables changed while it was dumping, so the dump may be inconsistent
    /// (netlink(7)); the only safe answer is to dump again.</summary>
    public bool DumpInterrupted => (Flags & RtNetlink.FlagDumpInterrupted) != 0;
}
