using System.Net;
using WgAgent.Core.Net;

namespace WgAgent.Core.Tests.Net;

public sealed class IpAddressParserTests
{
    [Theory]
    [InlineData("10.0.0.1", "10.0.0.1")]
    [InlineData("0.0.0.0", "0.0.0.0")]
    [InlineData("255.255.255.255", "255.255.255.255")]
    [InlineData("::1", "::1")]
    [InlineData("::", "::")]
    [InlineData("2001:DB8:0:0::1", "2001:db8::1")]
    [InlineData("fc00:bbbb:bbbb:bb01::1:1753", "fc00:bbbb:bbbb:bb01::1:1753")]
    [InlineData("::ffff:10.0.0.1", "::ffff:10.0.0.1")]
    public void TryParse_ValidAddress_ReturnsCanonicalAddress(string text, string expected)
    {
        var ok = IpAddressParser.TryParse(text, out var address, out var error);

        Assert.True(ok, error);
        Assert.Equal(expected, address!.ToString());
        Assert.Null(error);
    }

    [Theory]
    [InlineData("", "\"\" is not an IP address: it is empty")]
    [InlineData(" 10.0.0.1", "\" 10.0.0.1\" is not an IP address: it contains whitespace")]
    [InlineData("10.0.0.1/32", "\"10.0.0.1/32\" is not an IP address: it has a prefix length; write the address alone")]
    [InlineData("10.0.0.256", "\"10.0.0.256\" is not an IP address: 256 is more than 255")]
    [InlineData("10.0.0.1234", "\"10.0.0.1234\" is not an IP address: 1234 is more than 255")]
    [InlineData("10.0.0", "\"10.0.0\" is not an IP address: IPv4 addresses have 4 parts separated by \".\", this has 3")]
    [InlineData("10", "\"10\" is not an IP address: IPv4 addresses have 4 parts separated by \".\", this has 1")]
    [InlineData("1.2.3.4.5", "\"1.2.3.4.5\" is not an IP address: IPv4 addresses have 4 parts separated by \".\", this has 5")]
    [InlineData("10..0.1", "\"10..0.1\" is not an IP address: part 2 is empty")]
    [InlineData("010.0.0.1", "\"010.0.0.1\" is not an IP address: \"010\" has a leading zero")]
    [InlineData("example.com", "\"example.com\" is not an IP address: it is neither IPv4 (four numbers 0-255 separated by \".\") nor IPv6")]
    [InlineData("0x0a.0.0.1", "\"0x0a.0.0.1\" is not an IP address: it is neither IPv4 (four numbers 0-255 separated by \".\") nor IPv6")]
    [InlineData("fe80::1%eth0", "\"fe80::1%eth0\" is not an IP address: zone indexes (\"%eth0\") are not supported")]
    [InlineData("[::1]", "\"[::1]\" is not an IP address: brackets belong only around an IPv6 address followed by a port")]
    [InlineData("2001:db8::g", "\"2001:db8::g\" is not an IP address: it is not an IPv6 address (hex groups separated by \":\")")]
    [InlineData("1:2:3:4:5:6:7:8:9", "\"1:2:3:4:5:6:7:8:9\" is not an IP address: it is not a valid IPv6 address")]
    [InlineData("2001:db8:::1", "\"2001:db8:::1\" is not an IP address: it is not a valid IPv6 address")]
    public void TryParse_InvalidAddress_ExplainsWhy(string text, string expected)
    {
        var ok = IpAddressParser.TryParse(text, out var address, out var error);

        Assert.False(ok);
        Assert.Null(address);
        Assert.Equal(expected, error);
    }

    [Theory]
    [InlineData("::ffff:1.2.3")]
    [InlineData("::ffff:1.2.3.256")]
    [InlineData("::ffff:01.2.3.4")]
    public void TryParse_IPv6WithBadIPv4Tail_IsRejected(string text)
    {
        Assert.False(IpAddressParser.TryParse(text, out _, out var error));
        Assert.StartsWith($"\"{text}\" is not an IP address: ", error);
    }

    [Fact]
    public void Parse_Invalid_ThrowsFormatExceptionWithTheReason()
    {
        var exception = Assert.Throws<FormatException>(() => IpAddressParser.Parse("300.1.1.1"));

        Assert.Equal("\"300.1.1.1\" is not an IP address: 300 is more than 255", exception.Message);
    }

    [Fact]
    public void Parse_Valid_ReturnsAddress()
    {
        Assert.Equal(IPAddress.Parse("192.0.2.1"), IpAddressParser.Parse("192.0.2.1"));
    }

    [Theory]
    [InlineData("10.0.0.1", true)]
    [InlineData("10.0.0.300", true)]
    [InlineData("1.2", true)]
    [InlineData("::1", true)]
    [InlineData("fe80::x", true)]
    [InlineData("example.com", false)]
    [InlineData("lan", false)]
    [InlineData("", false)]
    public void LooksLikeAddress_Text_SortsLikeWgQuick(string text, bool expected)
    {
        Assert.Equal(expected, IpAddressParser.LooksLikeAddress(text));
    }
}
