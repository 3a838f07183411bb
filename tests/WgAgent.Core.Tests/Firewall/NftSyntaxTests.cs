using System.Net;
using WgAgent.Core.Firewall;
using WgAgent.Core.Net;

namespace WgAgent.Core.Tests.Firewall;

public sealed class NftSyntaxTests
{
    [Theory]
    [InlineData("10.0.0.1", "10.0.0.1")]
    [InlineData("::", "::")]
    [InlineData("::1", "::1")]
    [InlineData("::1.2.3.4", "::1.2.3.4")]
    [InlineData("::0.0.1.2", "::102")]
    [InlineData("::ffff:1.2.3.4", "::ffff:1.2.3.4")]
    [InlineData("::ffff:0:0", "::ffff:0.0.0.0")]
    [InlineData("2001:db8::", "2001:db8::")]
    [InlineData("2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1")]
    [InlineData("1:0:0:2:0:0:0:3", "1:0:0:2::3")]
    [InlineData("2001:db8:0:1:1:1:1:1", "2001:db8:0:1:1:1:1:1")]
    [InlineData("FE80::ABCD", "fe80::abcd")]
    public void Address_Any_AsInetNtopWritesIt(string input, string expected)
    {
        Assert.Equal(expected, NftSyntax.Address(IPAddress.Parse(input)));
    }

    [Theory]
    [InlineData("10.0.0.1/32", "10.0.0.1")]
    [InlineData("10.0.0.0/8", "10.0.0.0/8")]
    [InlineData("fd77::1/128", "fd77::1")]
    [InlineData("fd77::/64", "fd77::/64")]
    public void Network_SingleHost_WithoutPrefix(string input, string expected)
    {
        Assert.Equal(expected, NftSyntax.Network(IpNetwork.Parse(input)));
    }

    [Theory]
    [InlineData(0xca6cu, "0x0000ca6c")]
    [InlineData(1u, "0x00000001")]
    [InlineData(0xffffffffu, "0xffffffff")]
    public void Mark_Any_EightHexDigits(uint mark, string expected)
    {
        Assert.Equal(expected, NftSyntax.Mark(mark));
    }
}
