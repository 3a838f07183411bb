using WgAgent.Core.Tunnel;

namespace WgAgent.Core.Tests.Tunnel;

public sealed class DumpRequestTests
{
    [Fact]
    public void Encode_Links_IsGetLinkDumpWithIfInfoMsg()
    {
        var bytes = new DumpRequest(DumpKind.Links, 0x01020304).Encode();

        // nlmsghdr: len 32, RTM_GETLINK 18, NLM_F_REQUEST|NLM_F_DUMP 0x301, seq, pid 0; then a zero ifinfomsg.
        byte[] expected = [32, 0, 0, 0, 18, 0, 0x01, 0x03, 4, 3, 2, 1, 0, 0, 0, 0, .. new byte[16]];
        Assert.Equal(expected, bytes);
    }

    [Fact]
    public void Encode_Addresses_IsGetAddrDumpWithIfAddrMsg()
    {
        var bytes = new DumpRequest(DumpKind.Addresses, 7).Encode();

        byte[] expected = [24, 0, 0, 0, 22, 0, 0x01, 0x03, 7, 0, 0, 0, 0, 0, 0, 0, .. new byte[8]];
        Assert.Equal(expected, bytes);
    }
}
