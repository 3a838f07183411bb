using System.Net;
using WgAgent.Core.Net;

namespace WgAgent.Core.Tests.Net;

public sealed class EndpointTests
{
    [Theory]
    [InlineData("89.44.10.178:51820", EndpointHostKind.IPv4, "89.44.10.178", 51820, "89.44.10.178:51820")]
    [InlineData("[2001:db8::1]:51820", EndpointHostKind.IPv6, "2001:db8::1", 51820, "[2001:db8::1]:51820")]
    [InlineData("[2001:DB8:0::1]:1", EndpointHostKind.IPv6, "2001:db8::1", 1, "[2001:db8::1]:1")]
    [InlineData("[::ffff:192.0.2.1]:65535", EndpointHostKind.IPv6, "::ffff:192.0.2.1", 65535, "[::ffff:192.0.2.1]:65535")]
    [InlineData("vpn.example.com:51820", EndpointHostKind.HostName, "vpn.example.com", 51820, "vpn.example.com:51820")]
    [InlineData("VPN.Example.com.:443", EndpointHostKind.HostName, "VPN.Example.com.", 443, "VPN.Example.com.:443")]
    [InlineData("localhost:9", EndpointHostKind.HostName, "localhost", 9, "localhost:9")]
    [InlineData("au14-wireguard.mullvad.net:51820", EndpointHostKind.HostName, "au14-wireguard.mullvad.net", 51820, "au14-wireguard.mullvad.net:51820")]
    public void TryParse_ValidEndpoint_SaysWhatTheHostIs(string text, EndpointHostKind kind, string host, int port, string rendered)
    {
        var ok = Endpoint.TryParse(text, out var endpoint, out var error);

        Assert.True(ok, error);
        Assert.Equal(kind, endpoint!.HostKind);
        Assert.Equal(host, endpoint.Host);
        Assert.Equal(port, endpoint.Port);
        Assert.Equal(rendered, endpoint.ToString());
        Assert.Equal(kind == EndpointHostKind.HostName, endpoint.IsHostName);
        Assert.Equal(kind == EndpointHostKind.HostName, endpoint.Address is null);
    }

    [Theory]
    [InlineData("", "\"\" is not an endpoint: it is empty")]
    [InlineData("1.2.3.4 :51820", "\"1.2.3.4 :51820\" is not an endpoint: it contains whitespace")]
    [InlineData("vpn.example.com", "\"vpn.example.com\" is not an endpoint: the \":port\" is missing (e.g. \"vpn.example.com:51820\")")]
    [InlineData("2001:db8::1:51820", "\"2001:db8::1:51820\" is not an endpoint: an IPv6 address needs brackets: \"[2001:db8::1]:51820\"")]
    [InlineData("[2001:db8::1]", "\"[2001:db8::1]\" is not an endpoint: the \":port\" after \"]\" is missing (e.g. \"[2001:db8::1]:51820\")")]
    [InlineData("[2001:db8::1]51820", "\"[2001:db8::1]51820\" is not an endpoint: the \":port\" after \"]\" is missing (e.g. \"[2001:db8::1]:51820\")")]
    [InlineData("[2001:db8::1:51820", "\"[2001:db8::1:51820\" is not an endpoint: no \"]\" closes the IPv6 address")]
    [InlineData("[10.0.0.1]:51820", "\"[10.0.0.1]:51820\" is not an endpoint: brackets are only for IPv6 addresses; write \"10.0.0.1:51820\"")]
    [InlineData("[fe80::1%eth0]:51820", "\"[fe80::1%eth0]:51820\" is not an endpoint: \"fe80::1%eth0\" is not an IPv6 address: zone indexes (\"%eth0\") are not supported")]
    [InlineData("1.2.3.4:70000", "\"1.2.3.4:70000\" is not an endpoint: \"70000\" is not a port (1-65535)")]
    [InlineData("1.2.3.4:0", "\"1.2.3.4:0\" is not an endpoint: \"0\" is not a port (1-65535)")]
    [InlineData("1.2.3.4:", "\"1.2.3.4:\" is not an endpoint: \"\" is not a port (1-65535)")]
    [InlineData("vpn.example.com:wireguard", "\"vpn.example.com:wireguard\" is not an endpoint: \"wireguard\" is not a port (1-65535)")]
    [InlineData(":51820", "\":51820\" is not an endpoint: the host before \":\" is empty")]
    [InlineData("1.2.3:51820", "\"1.2.3:51820\" is not an endpoint: \"1.2.3\" is not an IP address: IPv4 addresses have 4 parts separated by \".\", this has 3")]
    [InlineData("300.1.1.1:51820", "\"300.1.1.1:51820\" is not an endpoint: \"300.1.1.1\" is not an IP address: 300 is more than 255")]
    [InlineData("bad_host!:51820", "\"bad_host!:51820\" is not an endpoint: \"bad_host!\" is not a host name: \"!\" is not allowed (use letters, digits, \"-\" and \".\")")]
    [InlineData("-vpn.example.com:51820", "\"-vpn.example.com:51820\" is not an endpoint: \"-vpn.example.com\" is not a host name: label \"-vpn\" starts or ends with \"-\"")]
    [InlineData("vpn..example.com:51820", "\"vpn..example.com:51820\" is not an endpoint: \"vpn..example.com\" is not a host name: it has an empty label (\"..\" or a leading \".\")")]
    public void TryParse_InvalidEndpoint_ExplainsWhy(string text, string expected)
    {
        var ok = Endpoint.TryParse(text, out var endpoint, out var error);

        Assert.False(ok);
        Assert.Null(endpoint);
        Assert.Equal(expected, error);
    }

    [Fact]
    public void FromAddress_IPv6_RendersWithBrackets()
    {
        var endpoint = Endpoint.FromAddress(IPAddress.Parse("2001:db8::7"), 51820);

        Assert.Equal("[2001:db8::7]:51820", endpoint.ToString());
        Assert.Equal(EndpointHostKind.IPv6, endpoint.HostKind);
        Assert.Equal(IPAddress.Parse("2001:db8::7"), endpoint.Address);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(65536)]
    public void FromAddress_BadPort_Throws(int port)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Endpoint.FromAddress(IPAddress.Loopback, port));
    }

    [Theory]
    [InlineData("10.0.0.1")]
    [InlineData("bad name")]
    [InlineData("::1")]
    public void FromHostName_NotAName_Throws(string host)
    {
        Assert.Throws<ArgumentException>(() => Endpoint.FromHostName(host, 51820));
    }

    [Fact]
    public void Equals_HostNamesCompareCaseInsensitively()
    {
        Assert.Equal(Endpoint.Parse("VPN.example.com:51820"), Endpoint.Parse("vpn.EXAMPLE.com:51820"));
        Assert.Equal(Endpoint.Parse("VPN.example.com:51820").GetHashCode(), Endpoint.Parse("vpn.EXAMPLE.com:51820").GetHashCode());
        Assert.NotEqual(Endpoint.Parse("vpn.example.com:51820"), Endpoint.Parse("vpn.example.com:51821"));
        Assert.Equal(Endpoint.Parse("[2001:DB8::1]:5"), Endpoint.FromAddress(IPAddress.Parse("2001:db8::1"), 5));
    }

    [Fact]
    public void Parse_Invalid_ThrowsFormatException()
    {
        var exception = Assert.Throws<FormatException>(() => Endpoint.Parse("host"));

        Assert.Equal("\"host\" is not an endpoint: the \":port\" is missing (e.g. \"host:51820\")", exception.Message);
    }
}
