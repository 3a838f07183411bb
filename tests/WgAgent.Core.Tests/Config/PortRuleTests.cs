using WgAgent.Core.Config;

namespace WgAgent.Core.Tests.Config;

public class PortRuleTests
{
    [Theory]
    [InlineData("tcp/22", TransportProtocol.Tcp, 22, 22)]
    [InlineData("udp/53", TransportProtocol.Udp, 53, 53)]
    [InlineData("tcp/8000-8080", TransportProtocol.Tcp, 8000, 8080)]
    [InlineData("udp/1-65535", TransportProtocol.Udp, 1, 65535)]
    public void TryParse_ValidRule_ReturnsTypedRule(string text, TransportProtocol protocol, int first, int last)
    {
        var ok = PortRule.TryParse(text, out var rule, out var error);

        Assert.True(ok, error);
        Assert.Equal(new PortRule(protocol, first, last), rule);
        Assert.Equal(text, rule!.ToString());
    }

    [Theory]
    [InlineData("22", "\"22\" is not a port rule: write it as \"tcp/22\", \"udp/53\" or \"tcp/8000-8080\"")]
    [InlineData("icmp/1", "\"icmp/1\" is not a port rule: protocol \"icmp\" is neither \"tcp\" nor \"udp\"")]
    [InlineData("TCP/22", "\"TCP/22\" is not a port rule: protocol \"TCP\" is neither \"tcp\" nor \"udp\"")]
    [InlineData("tcp/0", "\"tcp/0\" is not a port rule: ports are whole numbers from 1 to 65535")]
    [InlineData("tcp/65536", "\"tcp/65536\" is not a port rule: ports are whole numbers from 1 to 65535")]
    [InlineData("tcp/+22", "\"tcp/+22\" is not a port rule: ports are whole numbers from 1 to 65535")]
    [InlineData("tcp/ 22", "\"tcp/ 22\" is not a port rule: ports are whole numbers from 1 to 65535")]
    [InlineData("tcp/", "\"tcp/\" is not a port rule: ports are whole numbers from 1 to 65535")]
    [InlineData("tcp/80-", "\"tcp/80-\" is not a port rule: ports are whole numbers from 1 to 65535")]
    [InlineData("tcp/90-80", "\"tcp/90-80\" is not a port rule: the range 90-80 runs backwards")]
    public void TryParse_InvalidRule_ExplainsWhy(string text, string expected)
    {
        var ok = PortRule.TryParse(text, out var rule, out var error);

        Assert.False(ok);
        Assert.Null(rule);
        Assert.Equal(expected, error);
    }
}
