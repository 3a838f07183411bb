using System.Runtime.InteropServices;
using System.Text;

namespace WgAgent.Core.Tunnel;

/// <summary>Reading and writing the fixed-size fields of netlink messages.</summary>
/// <remarks>Netlink carries numbers in the host's byte order (netlink(7)), not network order, so fields are read and
/// written natively; only attributes flagged NLA_F_NET_BYTEORDER would differ, and wgagent reads none of those.</remarks>
internal static class NetlinkBytes
{
    public static T Read<T>(ReadOnlySpan<byte> source, int offset)
        where T : unmanaged => MemoryMarshal.Read<T>(source[offset..]);

    public static void Write<T>(Span<byte> destination, int offset, T value)
        where T : unmanaged => MemoryMarshal.Write(destination[offset..], in value);

    /// <summary>NLMSG_ALIGN / RTA_ALIGN: rounds up to a multiple of 4.</summary>
    public static int Align(int length) => (length + RtNetlink.Alignment - 1) & ~(RtNetlink.Alignment - 1);

    /// <summary>A NUL-terminated string attribute (IFLA_IFNAME, IFLA_INFO_KIND); a missing NUL is tolerated.</summary>
    public static string CString(ReadOnlySpan<byte> payload)
    {
        var end = payload.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end < 0 ? payload : payload[..end]);
    }
}
