using System.Net;

namespace WgAgent.Core.Tunnel;

public static partial class RouteNetlinkParser
{
    private static NetlinkEvent? ParseAddress(NetlinkHeader header, ReadOnlySpan<byte> body)
    {
        if (body.Length < RtNetlink.IfAddrLength)
        {
            return Malformed(header, $"body of {body.Length} bytes is shorter than struct ifaddrmsg");
        }

        var family = body[0];
        var expectedLength = family switch
        {
            RtNetlink.FamilyInet => 4,
            RtNetlink.FamilyInet6 => 16,
            _ => 0,
        };
        if (expectedLength == 0)
        {
            // Only IPv4 and IPv6 addresses are subscribed to; anything else is not ours to interpret.
            return null;
        }

        int prefixLength = body[1];
        var flags = (AddressFlags)body[2];
        var scope = (AddressScope)body[3];
        var index = NetlinkBytes.Read<int>(body, 4);
        ReadOnlySpan<byte> local = default;
        ReadOnlySpan<byte> address = default;
        var attributes = new NetlinkAttributeReader(body[RtNetlink.IfAddrLength..]);
        while (attributes.TryRead(out var type, out var payload))
        {
            switch (type)
            {
                case RtNetlink.AddrAttrLocal:
                    local = payload;
                    break;
                case RtNetlink.AddrAttrAddress:
                    address = payload;
                    break;
                case RtNetlink.AddrAttrFlags when payload.Length >= sizeof(uint):
                    // IFA_FLAGS holds all 32 flag bits; ifa_flags only the low 8 (rtnetlink(7)).
                    flags = (AddressFlags)NetlinkBytes.Read<uint>(payload, 0);
                    break;
            }
        }

        if (attributes.IsMalformed)
        {
            return Malformed(header, $"address on link #{index}: broken attribute");
        }

        // IFA_LOCAL is the interface's own address; IFA_ADDRESS is the same, except on a point-to-point IPv4 link
        // with a peer, where it is the peer's. IPv6 sends IFA_LOCAL only together with a peer.
        var own = local.IsEmpty ? address : local;
        if (own.Length != expectedLength)
        {
            return Malformed(header, $"address on link #{index} has {own.Length} bytes, expected {expectedLength}");
        }

        if (prefixLength > expectedLength * 8)
        {
            return Malformed(header, $"address on link #{index} has prefix length {prefixLength}");
        }

        var value = new InterfaceAddress(new IPAddress(own), prefixLength, flags, scope);
        return header.Type == RtNetlink.NewAddr
            ? new AddressUpdated(header, index, value)
            : new AddressDeleted(header, index, value);
    }
}
