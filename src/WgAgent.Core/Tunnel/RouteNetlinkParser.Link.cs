namespace WgAgent.Core.Tunnel;

public static partial class RouteNetlinkParser
{
    private static NetlinkEvent ParseLink(NetlinkHeader header, ReadOnlySpan<byte> body)
    {
        if (body.Length < RtNetlink.IfInfoLength)
        {
            return Malformed(header, $"body of {body.Length} bytes is shorter than struct ifinfomsg");
        }

        var index = NetlinkBytes.Read<int>(body, 4);
        var flags = (LinkFlags)NetlinkBytes.Read<uint>(body, 8);
        string? name = null;
        string? kind = null;
        var attributes = new NetlinkAttributeReader(body[RtNetlink.IfInfoLength..]);
        while (attributes.TryRead(out var type, out var payload))
        {
            if (type == RtNetlink.LinkAttrIfName)
            {
                name = NetlinkBytes.CString(payload);
            }
            else if (type == RtNetlink.LinkAttrLinkInfo)
            {
                // IFLA_LINKINFO nests IFLA_INFO_KIND (the driver's rtnl_link_ops name) and driver data.
                var nested = new NetlinkAttributeReader(payload);
                while (nested.TryRead(out var infoType, out var infoPayload))
                {
                    if (infoType == RtNetlink.LinkInfoKind)
                    {
                        kind = NetlinkBytes.CString(infoPayload);
                    }
                }

                if (nested.IsMalformed)
                {
                    return Malformed(header, $"link #{index}: broken attribute inside IFLA_LINKINFO");
                }
            }
        }

        if (attributes.IsMalformed)
        {
            return Malformed(header, $"link #{index}: broken attribute");
        }

        // The kernel always sends IFLA_IFNAME (rtnl_fill_ifinfo); without it the link cannot be matched by name.
        if (string.IsNullOrEmpty(name))
        {
            return Malformed(header, $"link #{index} has no IFLA_IFNAME");
        }

        var link = new NetworkLink(index, name, flags, kind);
        return header.Type == RtNetlink.NewLink ? new LinkUpdated(header, link) : new LinkDeleted(header, link);
    }
}
