using System.Runtime.InteropServices;

namespace WgAgent.Interop;

/// <summary><c>struct sockaddr_nl</c> (netlink(7)): what bind(2) takes for a netlink socket.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct SockaddrNetlink
{
    /// <summary>nl_family: AF_NETLINK.</summary>
    public ushort Family;

    /// <summary>nl_pad: zero.</summary>
    public ushort Padding;

    /// <summary>nl_pid: 0 lets the kernel assign a unique port id.</summary>
    public uint PortId;

    /// <summary>nl_groups: the bit mask of multicast groups to join.</summary>
    public uint Groups;
}
