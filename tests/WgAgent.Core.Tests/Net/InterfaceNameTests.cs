using WgAgent.Core.Net;

namespace WgAgent.Core.Tests.Net;

public sealed class InterfaceNameTests
{
    [Theory]
    [InlineData("wg0")]
    [InlineData("a")]
    [InlineData("wg-home")]
    [InlineData("wg_0.=+X")]
    [InlineData("abcdefghijklmno")]
    [InlineData("...")]
    public void TryParse_ValidName_KeepsIt(string text)
    {
        var ok = InterfaceName.TryParse(text, out var name, out var error);

        Assert.True(ok, error);
        Assert.Equal(text, name!.Value);
        Assert.Equal(text, name.ToString());
    }

    [Theory]
    [InlineData("", "\"\" is not an interface name: it is empty")]
    [InlineData(".", "\".\" is not an interface name: \".\" and \"..\" are reserved")]
    [InlineData("..", "\"..\" is not an interface name: \".\" and \"..\" are reserved")]
    [InlineData("wg/0", "\"wg/0\" is not an interface name: \"/\" is not allowed (use letters, digits and _=+.-)")]
    [InlineData("wg 0", "\"wg 0\" is not an interface name: \" \" is not allowed (use letters, digits and _=+.-)")]
    [InlineData("wg0:1", "\"wg0:1\" is not an interface name: \":\" is not allowed (use letters, digits and _=+.-)")]
    [InlineData("wg\"0", "\"wg\\\"0\" is not an interface name: \"\\\"\" is not allowed (use letters, digits and _=+.-)")]
    [InlineData("wg\t0", "\"wg\\t0\" is not an interface name: \"\\t\" is not allowed (use letters, digits and _=+.-)")]
    [InlineData("wgé", "\"wgé\" is not an interface name: \"é\" is not allowed (use letters, digits and _=+.-)")]
    [InlineData("abcdefghijklmnop", "\"abcdefghijklmnop\" is not an interface name: it is 16 bytes long, more than 15")]
    public void TryParse_InvalidName_ExplainsWhy(string text, string expected)
    {
        var ok = InterfaceName.TryParse(text, out var name, out var error);

        Assert.False(ok);
        Assert.Null(name);
        Assert.Equal(expected, error);
    }

    [Fact]
    public void Equals_IsOrdinal()
    {
        Assert.Equal(InterfaceName.Parse("wg0"), InterfaceName.Parse("wg0"));
        Assert.NotEqual(InterfaceName.Parse("wg0"), InterfaceName.Parse("WG0"));
    }

    [Fact]
    public void Parse_Invalid_Throws()
    {
        Assert.Throws<FormatException>(() => InterfaceName.Parse("wg/0"));
    }

    [Fact]
    public void EqualityOperators_TwoParsesOfOneName_CompareByValue()
    {
        var first = InterfaceName.Parse("wg0");
        var second = InterfaceName.Parse("wg0");

        Assert.True(first == second);
        Assert.False(first != second);
        Assert.True(first != InterfaceName.Parse("wg1"));
        Assert.False(first == null);
        Assert.True((InterfaceName?)null == null);
    }
}
