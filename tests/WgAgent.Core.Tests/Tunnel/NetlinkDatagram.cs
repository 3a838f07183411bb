using System.Net;
using System.Runtime.InteropServices;
using System.Text;

namespace WgAgent.Core.Tests.Tunnel;

/// <summary>
/// Builds route netlink datagrams byte by byte, as the kernel lays them out (netlink(7), rtnetlink(7)). The numbers
/// are written out here on purpose, independently of the product's constants, so a wrong constant there shows.
/// </summary>
internal sealed class NetlinkDatagram
{
    public const ushort NewLink = 16;
    public const ushort DelLink = 17;
    public const ushort NewAddr = 20;
    public const ushort DelAddr = 21;
    public const ushort Multi = 0x2;
    public const ushort DumpIntr = 0x10;

    private readonly List<byte> bytes = [];

    public NetlinkDatagram Link(ushort type, int index, uint ifiFlags, string? name, string? kind = null,
        ushort flags = 0, uint seq = 0)
    {
        var body = new List<byte>();
        body.AddRange([0, 0]);                 // ifi_family AF_UNSPEC, pad
        body.AddRange(U16(1));                 // ifi_type ARPHRD_ETHER (not read)
        body.AddRange(U32((uint)index));       // ifi_index
        body.AddRange(U32(ifiFlags));          // ifi_flags
        body.AddRange(U32(0xffffffff));        // ifi_change
        body.AddRange(Attribute(4, U32(1500))); // IFLA_MTU, skipped
        if (name is not null)
        {
            body.AddRange(Attribute(3, CString(name))); // IFLA_IFNAME
        }

        if (kind is not null)
        {
            // IFLA_LINKINFO (18) with NLA_F_NESTED, holding IFLA_INFO_KIND (1).
            body.AddRange(Attribute(18 | 0x8000, Attribute(1, CString(kind))));
        }

        return Message(type, flags, seq, body);
    }

    public NetlinkDatagram Address(ushort type, int index, string address, byte prefix, byte ifaFlags = 0x80,
        byte scope = 0, uint? flagsAttribute = null, string? peer = null, ushort flags = 0, uint seq = 0)
    {
        var ip = IPAddress.Parse(address);
        var family = (byte)(ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 2 : 10);
        var body = new List<byte> { family, prefix, ifaFlags, scope };
        body.AddRange(U32((uint)index));
        if (peer is null)
        {
            body.AddRange(Attribute(1, ip.GetAddressBytes()));                   // IFA_ADDRESS
            if (family == 2)
            {
                body.AddRange(Attribute(2, ip.GetAddressBytes()));               // IFA_LOCAL
            }
        }
        else
        {
            body.AddRange(Attribute(1, IPAddress.Parse(peer).GetAddressBytes())); // IFA_ADDRESS = the peer
            body.AddRange(Attribute(2, ip.GetAddressBytes()));                   // IFA_LOCAL = our own
        }

        body.AddRange(Attribute(6, new byte[16]));                               // IFA_CACHEINFO, skipped
        if (flagsAttribute is { } extended)
        {
            body.AddRange(Attribute(8, U32(extended)));                          // IFA_FLAGS
        }

        return Message(type, flags, seq, body);
    }

    public NetlinkDatagram Done(uint seq, int error = 0, ushort flags = Multi) =>
        Message(3, flags, seq, [.. U32((uint)error)]);

    public NetlinkDatagram Error(uint seq, int error)
    {
        var body = new List<byte>(U32((uint)error));
        body.AddRange(new byte[16]); // the offending request's header
        return Message(2, 0, seq, body);
    }

    public NetlinkDatagram Raw(ushort type, ushort flags, uint seq, byte[] body) => Message(type, flags, seq, [.. body]);

    public NetlinkDatagram Bytes(params byte[] raw)
    {
        bytes.AddRange(raw);
        return this;
    }

    public byte[] ToArray() => [.. bytes];

    private NetlinkDatagram Message(ushort type, ushort flags, uint seq, List<byte> body)
    {
        bytes.AddRange(U32((uint)(16 + body.Count)));
        bytes.AddRange(U16(type));
        bytes.AddRange(U16(flags));
        bytes.AddRange(U32(seq));
        bytes.AddRange(U32(4242));  // nlmsg_pid
        bytes.AddRange(body);
        Pad(bytes);
        return this;
    }

    private static byte[] Attribute(int type, byte[] payload)
    {
        var attribute = new List<byte>();
        attribute.AddRange(U16((ushort)(4 + payload.Length)));
        attribute.AddRange(U16((ushort)type));
        attribute.AddRange(payload);
        Pad(attribute);
        return [.. attribute];
    }

    private static void Pad(List<byte> list)
    {
        while (list.Count % 4 != 0)
        {
            list.Add(0);
        }
    }

    private static byte[] CString(string text) => [.. Encoding.ASCII.GetBytes(text), 0];

    // Host byte order, like the kernel (netlink(7)).
    private static byte[] U16(ushort value) => MemoryMarshal.AsBytes(new[] { value }.AsSpan()).ToArray();

    private static byte[] U32(uint value) => MemoryMarshal.AsBytes(new[] { value }.AsSpan()).ToArray();
}
