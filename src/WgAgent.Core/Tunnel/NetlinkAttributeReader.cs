namespace WgAgent.Core.Tunnel;

/// <summary>
/// Walks a run of route attributes (<c>struct rtattr</c>: u16 length including the 4-byte header, u16 type, payload,
/// padded to 4 bytes; rtnetlink(7), RTA_OK/RTA_NEXT) without copying.
/// </summary>
internal ref struct NetlinkAttributeReader
{
    private ReadOnlySpan<byte> rest;

    public NetlinkAttributeReader(ReadOnlySpan<byte> attributes) => rest = attributes;

    /// <summary>True after <see cref="TryRead"/> stopped at an attribute whose length is impossible.</summary>
    public bool IsMalformed { get; private set; }

    /// <summary>Reads the next attribute; false at the end or at a malformed one (then <see cref="IsMalformed"/>).</summary>
    public bool TryRead(out ushort type, out ReadOnlySpan<byte> payload)
    {
        type = 0;
        payload = default;

        // Fewer bytes than a header can only be padding: the end, as RTA_OK sees it.
        if (rest.Length < RtNetlink.AttributeHeaderLength)
        {
            return false;
        }

        int length = NetlinkBytes.Read<ushort>(rest, 0);
        if (length < RtNetlink.AttributeHeaderLength || length > rest.Length)
        {
            IsMalformed = true;
            return false;
        }

        // The top bits flag nested and network-order payloads; the type is the rest (NLA_TYPE_MASK).
        type = (ushort)(NetlinkBytes.Read<ushort>(rest, 2) & RtNetlink.AttributeTypeMask);
        payload = rest[RtNetlink.AttributeHeaderLength..length];
        var next = NetlinkBytes.Align(length);
        rest = next >= rest.Length ? default : rest[next..];
        return true;
    }
}
