using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace WgAgent.Tunnel.Tests.Support;

/// <summary>
/// RTM_NEWADDR / RTM_DELADDR requests (rtnetlink(7)), so a test can change an address in-process and know to the
/// microsecond when it did: the kernel sends the notification before sendmsg(2) returns. (`ip` would add a process
/// start to every measurement.)
/// </summary>
internal static class AddressRequests
{
    private const ushort NewAddr = 20;
    private const ushort DelAddr = 21;

    // NLM_F_REQUEST | NLM_F_ACK, plus NLM_F_CREATE | NLM_F_EXCL to add (netlink(7)).
    private const ushort Request = 0x1 | 0x4;
    private const ushort CreateExclusive = 0x400 | 0x200;

    public static byte[] Encode(bool add, int interfaceIndex, IPAddress address, byte prefixLength, uint sequence)
    {
        var raw = address.GetAddressBytes();
        var attribute = 4 + raw.Length; // already a multiple of 4 for both families
        var message = new byte[16 + 8 + 2 * attribute];
        var span = message.AsSpan();
        Write(span, 0, (uint)message.Length);
        Write(span, 4, add ? NewAddr : DelAddr);
        Write(span, 6, (ushort)(Request | (add ? CreateExclusive : 0)));
        Write(span, 8, sequence);

        // struct ifaddrmsg: family, prefix length, flags, scope (universe), index.
        message[16] = (byte)(address.AddressFamily == AddressFamily.InterNetwork ? 2 : 10);
        message[17] = prefixLength;
        Write(span, 20, (uint)interfaceIndex);

        // IFA_LOCAL (2) and IFA_ADDRESS (1), both our own address.
        var offset = 24;
        foreach (ushort type in new ushort[] { 2, 1 })
        {
            Write(span, offset, (ushort)attribute);
            Write(span, offset + 2, type);
            raw.CopyTo(span[(offset + 4)..]);
            offset += attribute;
        }

        return message;
    }

    private static void Write<T>(Span<byte> span, int offset, T value)
        where T : unmanaged => MemoryMarshal.Write(span[offset..], in value);
}
