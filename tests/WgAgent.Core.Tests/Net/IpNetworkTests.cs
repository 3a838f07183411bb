using System.Net;
using System.Net.Sockets;
using WgAgent.Core.Net;

namespace WgAgent.Core.Tests.Net;

public sealed class IpNetworkTests
{
    [Theory]
    [InlineData("192.168.0.0/16", "192.168.0.0/16", 16, AddressFamily.InterNetwork)]
    [InlineData("10.0.0.2/24", "10.0.0.2/24", 24, AddressFamily.InterNetwork)]
    [InlineData("0.0.0.0/0", "0.0.0.0/0", 0, AddressFamily.InterNetwork)]
    [InlineData("10.64.23.84/32", "10.64.23.84/32", 32, AddressFamily.InterNetwork)]
    [InlineData("10.0.0.0/08", "10.0.0.0/8", 8, AddressFamily.InterNetwork)]
    [InlineData("::0/0", "::/0", 0, AddressFamily.InterNetworkV6)]
    [InlineData("FD00:0:0::/8", "fd00::/8", 8, AddressFamily.InterNetworkV6)]
    [InlineData("fc00:bbbb:bbbb:bb01::1:1753/128", "fc00:bbbb:bbbb:bb01::1:1753/128", 128, AddressFamily.InterNetworkV6)]
    public void TryParse_ValidCidr_KeepsAddressAsWrittenInCanonicalForm(string text, string expected, int prefix, AddressFamily family)
    {
        var ok = IpNetwork.TryParse(text, out var network, out var error);

        Assert.True(ok, error);
        Assert.Equal(expected, network!.ToString());
        Assert.Equal(prefix, network.PrefixLength);
        Assert.Equal(family, network.AddressFamily);
    }

    [Theory]
    [InlineData("192.168.0.0/33", "\"192.168.0.0/33\" is not a CIDR: prefix length 33 is more than 32 for IPv4")]
    [InlineData("fd00::/129", "\"fd00::/129\" is not a CIDR: prefix length 129 is more than 128 for IPv6")]
    [InlineData("10.0.0.0/1000", "\"10.0.0.0/1000\" is not a CIDR: prefix length 1000 is more than 32 for IPv4")]
    [InlineData("10.0.0.0/99999999999999999999", "\"10.0.0.0/99999999999999999999\" is not a CIDR: prefix length 99999999999999999999 is more than 32 for IPv4")]
    [InlineData("10.0.0.0", "\"10.0.0.0\" is not a CIDR: the prefix length is missing (e.g. \"10.0.0.0/32\" for one host)")]
    [InlineData("fd00::1", "\"fd00::1\" is not a CIDR: the prefix length is missing (e.g. \"fd00::1/128\" for one host)")]
    [InlineData("10.0.0.0/", "\"10.0.0.0/\" is not a CIDR: the prefix length after \"/\" is empty")]
    [InlineData("10.0.0.0/x", "\"10.0.0.0/x\" is not a CIDR: prefix length \"x\" is not a number")]
    [InlineData("10.0.0.0/-1", "\"10.0.0.0/-1\" is not a CIDR: prefix length \"-1\" is not a number")]
    [InlineData("10.0.0.0/+8", "\"10.0.0.0/+8\" is not a CIDR: prefix length \"+8\" is not a number")]
    [InlineData("10.0.0.0/8/9", "\"10.0.0.0/8/9\" is not a CIDR: prefix length \"8/9\" is not a number")]
    [InlineData("10.0.0.256/24", "\"10.0.0.256/24\" is not a CIDR: \"10.0.0.256\" is not an IP address: 256 is more than 255")]
    [InlineData("10.0.0/24", "\"10.0.0/24\" is not a CIDR: \"10.0.0\" is not an IP address: IPv4 addresses have 4 parts separated by \".\", this has 3")]
    [InlineData("/8", "\"/8\" is not a CIDR: \"\" is not an IP address: it is empty")]
    [InlineData("", "\"\" is not a CIDR: it is empty")]
    [InlineData("10.0.0.0 /8", "\"10.0.0.0 /8\" is not a CIDR: it contains whitespace")]
    [InlineData("lan/24", "\"lan/24\" is not a CIDR: \"lan\" is not an IP address: it is neither IPv4 (four numbers 0-255 separated by \".\") nor IPv6")]
    public void TryParse_InvalidCidr_ExplainsWhy(string text, string expected)
    {
        var ok = IpNetwork.TryParse(text, out var network, out var error);

        Assert.False(ok);
        Assert.Null(network);
        Assert.Equal(expected, error);
    }

    [Theory]
    [InlineData("10.0.0.2", "10.0.0.2/32")]
    [InlineData("fd00::2", "fd00::2/128")]
    [InlineData("10.0.0.2/24", "10.0.0.2/24")]
    public void TryParseHostOrNetwork_BareAddress_IsASingleHost(string text, string expected)
    {
        var ok = IpNetwork.TryParseHostOrNetwork(text, out var network, out var error);

        Assert.True(ok, error);
        Assert.Equal(expected, network!.ToString());
    }

    [Fact]
    public void TryParseHostOrNetwork_BadPrefix_StillFails()
    {
        Assert.False(IpNetwork.TryParseHostOrNetwork("10.0.0.2/33", out _, out var error));
        Assert.Equal("\"10.0.0.2/33\" is not a CIDR: prefix length 33 is more than 32 for IPv4", error);
    }

    [Theory]
    [InlineData("10.0.0.2/24", true, "10.0.0.0/24")]
    [InlineData("10.0.0.0/24", false, "10.0.0.0/24")]
    [InlineData("10.0.0.1/32", false, "10.0.0.1/32")]
    [InlineData("10.255.255.255/9", true, "10.128.0.0/9")]
    [InlineData("0.0.0.1/0", true, "0.0.0.0/0")]
    [InlineData("fd00::2/64", true, "fd00::/64")]
    [InlineData("fd00:1234:5678:9abc:def0::/63", true, "fd00:1234:5678:9abc::/63")]
    [InlineData("fd00::/64", false, "fd00::/64")]
    public void Network_HostBits_AreClearedOnlyInTheNetwork(string text, bool hasHostBits, string network)
    {
        var parsed = IpNetwork.Parse(text);

        Assert.Equal(hasHostBits, parsed.HasHostBits);
        Assert.Equal(network, parsed.Network.ToString());
        Assert.Equal(text, parsed.ToString());
    }

    [Theory]
    [InlineData("10.0.0.0/24", "10.0.0.0", true)]
    [InlineData("10.0.0.0/24", "10.0.0.255", true)]
    [InlineData("10.0.0.0/24", "10.0.1.0", false)]
    [InlineData("10.0.0.2/24", "10.0.0.77", true)]
    [InlineData("192.168.0.0/16", "192.169.0.1", false)]
    [InlineData("10.128.0.0/9", "10.127.255.255", false)]
    [InlineData("10.128.0.0/9", "10.200.0.1", true)]
    [InlineData("0.0.0.0/0", "203.0.113.9", true)]
    [InlineData("0.0.0.0/0", "::1", false)]
    [InlineData("10.0.0.1/32", "10.0.0.1", true)]
    [InlineData("10.0.0.1/32", "10.0.0.2", false)]
    [InlineData("fd00::/8", "fdff::1", true)]
    [InlineData("fd00::/8", "fe80::1", false)]
    [InlineData("::/0", "2001:db8::1", true)]
    [InlineData("::/0", "10.0.0.1", false)]
    [InlineData("10.0.0.0/8", "::ffff:10.0.0.1", false)]
    public void Contains_Address_MatchesPrefixBitsOfTheSameFamily(string network, string address, bool expected)
    {
        Assert.Equal(expected, IpNetwork.Parse(network).Contains(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("10.0.0.0/8", "10.1.0.0/16", true)]
    [InlineData("10.0.0.0/8", "10.0.0.0/8", true)]
    [InlineData("10.1.0.0/16", "10.0.0.0/8", false)]
    [InlineData("10.0.0.0/8", "11.0.0.0/16", false)]
    [InlineData("0.0.0.0/0", "fd00::/8", false)]
    public void Contains_Network_IsTrueForSubnets(string outer, string inner, bool expected)
    {
        Assert.Equal(expected, IpNetwork.Parse(outer).Contains(IpNetwork.Parse(inner)));
    }

    [Theory]
    [InlineData("0.0.0.0/0", true, false)]
    [InlineData("::/0", true, false)]
    [InlineData("10.0.0.1/32", false, true)]
    [InlineData("fd00::1/128", false, true)]
    [InlineData("10.0.0.0/8", false, false)]
    public void Flags_DefaultRouteAndSingleHost(string text, bool isDefault, bool isHost)
    {
        var network = IpNetwork.Parse(text);

        Assert.Equal(isDefault, network.IsDefaultRoute);
        Assert.Equal(isHost, network.IsSingleHost);
    }

    [Fact]
    public void Equals_ComparesAddressAsWrittenAndPrefix()
    {
        Assert.Equal(IpNetwork.Parse("10.0.0.0/24"), IpNetwork.Parse("10.0.0.0/24"));
        Assert.Equal(IpNetwork.Parse("10.0.0.0/24").GetHashCode(), IpNetwork.Parse("10.0.0.0/24").GetHashCode());
        Assert.NotEqual(IpNetwork.Parse("10.0.0.2/24"), IpNetwork.Parse("10.0.0.0/24"));
        Assert.NotEqual(IpNetwork.Parse("10.0.0.0/24"), IpNetwork.Parse("10.0.0.0/25"));
        Assert.NotEqual(IpNetwork.Parse("::/0"), IpNetwork.Parse("0.0.0.0/0"));
    }

    [Fact]
    public void Host_Address_IsAFullLengthPrefix()
    {
        Assert.Equal("10.0.0.1/32", IpNetwork.Host(IPAddress.Parse("10.0.0.1")).ToString());
        Assert.Equal("fd00::1/128", IpNetwork.Host(IPAddress.Parse("fd00::1")).ToString());
    }

    [Fact]
    public void Address_IsACopy_MutatingItDoesNotChangeTheNetwork()
    {
        var network = IpNetwork.Parse("fd00::1/64");

        network.Address.ScopeId = 7;

        Assert.Equal(0, network.Address.ScopeId);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(33)]
    public void Constructor_PrefixOutOfRange_Throws(int prefix)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new IpNetwork(IPAddress.Parse("10.0.0.0"), prefix));
    }

    [Fact]
    public void Parse_Invalid_ThrowsFormatExceptionWithTheReason()
    {
        var exception = Assert.Throws<FormatException>(() => IpNetwork.Parse("192.168.0.0/33"));

        Assert.Equal("\"192.168.0.0/33\" is not a CIDR: prefix length 33 is more than 32 for IPv4", exception.Message);
    }
}
