using System.Net;
using WgAgent.Core.Tunnel;

namespace WgAgent.Core.Tests.Tunnel;

/// <summary>Parsed route netlink messages for state machine tests: notifications (no NLM_F_MULTI, another process's
/// sequence number) and dump parts (NLM_F_MULTI, the dump's number).</summary>
internal static class Messages
{
    public const LinkFlags UpRunning = LinkFlags.Up | LinkFlags.Running | LinkFlags.LowerUp;

    public static readonly NetworkLink Lo = new(1, "lo", LinkFlags.Up | LinkFlags.Running | LinkFlags.Loopback, null);

    // ip(8) uses the time as its sequence number; notifications carry it.
    private static readonly NetlinkHeader Notification = new(0, 0, 1_718_000_000, 0);

    public static NetworkLink Link(int index, string name = "wg0", LinkFlags flags = UpRunning, string? kind = "veth") =>
        new(index, name, flags, kind);

    public static InterfaceAddress V4(string address = "10.0.0.2", int prefix = 24) =>
        new(IPAddress.Parse(address), prefix, AddressFlags.Permanent, AddressScope.Universe);

    public static InterfaceAddress V6(string address = "fd00::2", bool tentative = false) =>
        new(IPAddress.Parse(address), 64, AddressFlags.Permanent | (tentative ? AddressFlags.Tentative : 0), AddressScope.Universe);

    public static InterfaceAddress LinkLocal(string address = "fe80::1") =>
        new(IPAddress.Parse(address), 64, AddressFlags.Permanent, AddressScope.Link);

    public static LinkUpdated NewLink(NetworkLink link) => new(Notification with { Type = 16 }, link);

    public static LinkDeleted DelLink(NetworkLink link) => new(Notification with { Type = 17 }, link);

    public static AddressUpdated NewAddr(int index, InterfaceAddress address) => new(Notification with { Type = 20 }, index, address);

    public static AddressDeleted DelAddr(int index, InterfaceAddress address) => new(Notification with { Type = 21 }, index, address);

    public static LinkUpdated LinkPart(uint seq, NetworkLink link, bool interrupted = false) =>
        new(Part(16, seq, interrupted), link);

    public static AddressUpdated AddrPart(uint seq, int index, InterfaceAddress address) => new(Part(20, seq, false), index, address);

    public static DumpDone Done(uint seq, int errno = 0, bool interrupted = false) => new(Part(3, seq, interrupted), errno);

    public static NetlinkErrorReply Error(uint seq, int errno) => new(new NetlinkHeader(2, 0, seq, 99), errno);

    private static NetlinkHeader Part(ushort type, uint seq, bool interrupted) =>
        new(type, (ushort)(0x2 | (interrupted ? 0x10 : 0)), seq, 99);
}
