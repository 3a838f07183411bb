using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace WgAgent.Core.Tests.Firewall;

/// <summary>
/// Builds nf_tables notification datagrams byte by byte, as the kernel lays them out (netlink(7),
/// linux/netfilter/nfnetlink.h, nf_tables.h). The numbers are written out here on purpose, independently of the
/// product's constants, so a wrong constant there shows.
/// </summary>
internal sealed class NftablesDatagram
{
    public const byte NewTable = 0;
    public const byte GetTable = 1;
    public const byte DelTable = 2;
    public const byte NewChain = 3;
    public const byte DelChain = 5;
    public const byte NewRule = 6;
    public const byte DelRule = 8;
    public const byte NewSet = 9;
    public const byte DelSet = 11;
    public const byte NewSetElem = 12;
    public const byte DelSetElem = 14;
    public const byte NewGen = 15;
    public const byte Trace = 17;
    public const byte NewObj = 18;
    public const byte DelObj = 20;
    public const byte NewFlowtable = 22;
    public const byte DelFlowtable = 24;
    public const byte DestroyTable = 26;
    public const byte DestroyFlowtable = 32;

    public const byte Inet = 1;
    public const byte Ip = 2;
    public const byte Ip6 = 10;

    private readonly List<byte> bytes = [];

    /// <summary>A table-scoped notification: nfgenmsg, a leading attribute the parser must skip when asked, then
    /// attribute 1 (the table's name), then another attribute.</summary>
    public NftablesDatagram Object(byte operation, byte family, string? table, bool leadingAttribute = false)
    {
        var body = new List<byte> { family, 0, 0, 0 };   // nfgenmsg: family, NFNETLINK_V0, res_id
        if (leadingAttribute)
        {
            body.AddRange(Attribute(3, U32(0x11223344)));  // e.g. NFTA_TABLE_USE / NFTA_CHAIN_NAME: not the table
        }

        if (table is not null)
        {
            body.AddRange(Attribute(1, CString(table)));
        }

        body.AddRange(Attribute(2, Be32(0)));              // e.g. NFTA_TABLE_FLAGS / NFTA_CHAIN_HANDLE
        return Message((ushort)(10 << 8 | operation), body);
    }

    /// <summary>NFT_MSG_NEWGEN: family AF_UNSPEC, res_id = low 16 bits of the generation, then the three attributes,
    /// all big-endian as nf_tables_fill_gen_info puts them.</summary>
    public NftablesDatagram Generation(uint id, uint? pid = 4242, string? name = "nft")
    {
        var body = new List<byte> { 0, 0 };
        body.AddRange(Be16((ushort)id));
        body.AddRange(Attribute(1, Be32(id)));
        if (pid is { } p)
        {
            body.AddRange(Attribute(2, Be32(p)));
        }

        if (name is not null)
        {
            body.AddRange(Attribute(3, CString(name)));
        }

        return Message(10 << 8 | NewGen, body);
    }

    public NftablesDatagram Raw(ushort type, byte[] body) => Message(type, [.. body]);

    public NftablesDatagram Bytes(params byte[] raw)
    {
        bytes.AddRange(raw);
        return this;
    }

    public byte[] ToArray() => [.. bytes];

    private NftablesDatagram Message(int type, List<byte> body)
    {
        bytes.AddRange(U32((uint)(16 + body.Count)));
        bytes.AddRange(U16((ushort)type));
        bytes.AddRange(U16(0));         // nlmsg_flags
        bytes.AddRange(U32(7));         // nlmsg_seq of the nft batch that caused it
        bytes.AddRange(U32(0));         // nlmsg_pid
        bytes.AddRange(body);
        Pad(bytes);
        return this;
    }

    public static byte[] Attribute(int type, byte[] payload)
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

    private static byte[] CString(string text) => [.. Encoding.UTF8.GetBytes(text), 0];

    // Header fields and attribute headers are in host byte order (netlink(7)); nf_tables' u32 payloads are big-endian.
    private static byte[] U16(ushort value) => MemoryMarshal.AsBytes(new[] { value }.AsSpan()).ToArray();

    private static byte[] U32(uint value) => MemoryMarshal.AsBytes(new[] { value }.AsSpan()).ToArray();

    private static byte[] Be16(ushort value)
    {
        var b = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(b, value);
        return b;
    }

    private static byte[] Be32(uint value)
    {
        var b = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(b, value);
        return b;
    }
}
