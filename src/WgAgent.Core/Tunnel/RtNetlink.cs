namespace WgAgent.Core.Tunnel;

/// <summary>
/// The numbers of the route netlink protocol that wgagent reads and writes, from the kernel's UAPI headers
/// (linux/netlink.h, linux/rtnetlink.h, linux/if_link.h, linux/if_addr.h) as described in netlink(7) and rtnetlink(7).
/// They are ABI: the kernel never renumbers them.
/// </summary>
internal static class RtNetlink
{
    // struct nlmsghdr: u32 len, u16 type, u16 flags, u32 seq, u32 pid (netlink(7)); messages are 4-byte aligned.
    public const int HeaderLength = 16;
    public const int Alignment = 4;

    // Control messages (netlink(7)).
    public const ushort Noop = 1;
    public const ushort Error = 2;
    public const ushort Done = 3;
    public const ushort Overrun = 4;

    // Route netlink message types (rtnetlink(7)).
    public const ushort NewLink = 16;
    public const ushort DelLink = 17;
    public const ushort GetLink = 18;
    public const ushort NewAddr = 20;
    public const ushort DelAddr = 21;
    public const ushort GetAddr = 22;

    // nlmsg_flags (netlink(7)).
    public const ushort FlagRequest = 0x1;
    public const ushort FlagMulti = 0x2;
    public const ushort FlagDumpInterrupted = 0x10;
    public const ushort FlagDump = 0x300; // NLM_F_ROOT | NLM_F_MATCH

    // struct ifinfomsg: u8 family, u8 pad, u16 type, s32 index, u32 flags, u32 change (rtnetlink(7)).
    public const int IfInfoLength = 16;

    // struct ifaddrmsg: u8 family, u8 prefixlen, u8 flags, u8 scope, u32 index (rtnetlink(7)).
    public const int IfAddrLength = 8;

    // struct rtattr / nlattr: u16 len, u16 type; the top two type bits are NLA_F_NESTED and NLA_F_NET_BYTEORDER.
    public const int AttributeHeaderLength = 4;
    public const ushort AttributeTypeMask = 0x3fff;

    // IFLA_* link attributes and the nested IFLA_INFO_* inside IFLA_LINKINFO (linux/if_link.h).
    public const ushort LinkAttrIfName = 3;
    public const ushort LinkAttrLinkInfo = 18;
    public const ushort LinkInfoKind = 1;

    // IFA_* address attributes (linux/if_addr.h).
    public const ushort AddrAttrAddress = 1;
    public const ushort AddrAttrLocal = 2;
    public const ushort AddrAttrFlags = 8;

    // Address families (socket(2)).
    public const byte FamilyUnspecified = 0;
    public const byte FamilyInet = 2;
    public const byte FamilyInet6 = 10;
}
