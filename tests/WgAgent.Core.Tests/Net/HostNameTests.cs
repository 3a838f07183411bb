using WgAgent.Core.Net;

namespace WgAgent.Core.Tests.Net;

public sealed class HostNameTests
{
    [Theory]
    [InlineData("example.com")]
    [InlineData("example.com.")]
    [InlineData("lan")]
    [InlineData("a-b.c_d.example")]
    [InlineData("123.example")]
    public void IsValid_GoodName_IsTrue(string text)
    {
        Assert.True(HostName.IsValid(text, out var reason), reason);
    }

    [Theory]
    [InlineData("", "it is empty")]
    [InlineData(".", "it is empty")]
    [InlineData(".example.com", "it has an empty label (\"..\" or a leading \".\")")]
    [InlineData("a..b", "it has an empty label (\"..\" or a leading \".\")")]
    [InlineData("exa mple.com", "\" \" is not allowed (use letters, digits, \"-\" and \".\")")]
    [InlineData("ex*ample", "\"*\" is not allowed (use letters, digits, \"-\" and \".\")")]
    [InlineData("example-.com", "label \"example-\" starts or ends with \"-\"")]
    public void IsValid_BadName_GivesTheReason(string text, string expected)
    {
        Assert.False(HostName.IsValid(text, out var reason));
        Assert.Equal(expected, reason);
    }

    [Fact]
    public void IsValid_LabelOf64Characters_IsTooLong()
    {
        var label = new string('a', 64);

        Assert.False(HostName.IsValid(label + ".com", out var reason));
        Assert.StartsWith("label \"aaaa", reason);
        Assert.EndsWith("is longer than 63 characters", reason);
    }

    [Fact]
    public void IsValid_NameOf254Characters_IsTooLong()
    {
        var name = string.Join(".", Enumerable.Repeat(new string('a', 49), 5)) + ".abcd"; // 5*49 + 4 dots + 5 = 254

        Assert.False(HostName.IsValid(name, out var reason));
        Assert.Equal("it is 254 characters long, more than 253", reason);
    }
}
