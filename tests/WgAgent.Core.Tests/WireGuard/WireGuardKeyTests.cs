using WgAgent.Core.WireGuard;

namespace WgAgent.Core.Tests.WireGuard;

public sealed class WireGuardKeyTests
{
    [Theory]
    [InlineData("a6oniBujlUXqOmv5Hst0v8xCqidy7O4JcN8Q6YRM5Hk=")]
    [InlineData("pu22RCPeJCeiDIE7a1XtWvmv3BdgPp8ugF6AyntW8xU=")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("//////////////////////////////////////////8=")]
    public void TryParse_ValidKey_RoundTrips(string text)
    {
        var ok = WireGuardKey.TryParse(text, out var key, out var error);

        Assert.True(ok, error);
        Assert.Equal(text, key!.ToString());
        Assert.Equal(Convert.FromBase64String(text), key.ToArray());
    }

    [Theory]
    [InlineData("abc", "\"abc\" is not a WireGuard key: a key is 44 base64 characters ending in \"=\" (32 bytes), this is 3 characters")]
    [InlineData("", "\"\" is not a WireGuard key: a key is 44 base64 characters ending in \"=\" (32 bytes), this is 0 characters")]
    [InlineData("a6oniBujlUXqOmv5Hst0v8xCqidy7O4JcN8Q6YRM5Hk", "\"a6oniBujlUXqOmv5Hst0v8xCqidy7O4JcN8Q6YRM5Hk\" is not a WireGuard key: a key is 44 base64 characters ending in \"=\" (32 bytes), this is 43 characters")]
    [InlineData("a6oniBujlUXqOmv5Hst0v8xCqidy7O4JcN8Q6YRM5Hka", "\"a6oniBujlUXqOmv5Hst0v8xCqidy7O4JcN8Q6YRM5Hka\" is not a WireGuard key: a key is 44 base64 characters ending in \"=\" (32 bytes), this is 44 characters")]
    [InlineData("a6oniBujlUXqOmv5Hst0v8xCqidy7O4JcN8Q6YRM5H==", "\"a6oniBujlUXqOmv5Hst0v8xCqidy7O4JcN8Q6YRM5H==\" is not a WireGuard key: character 43 is not a base64 character")]
    [InlineData("a6oniBujlUXqOmv5Hst0v8x-qidy7O4JcN8Q6YRM5Hk=", "\"a6oniBujlUXqOmv5Hst0v8x-qidy7O4JcN8Q6YRM5Hk=\" is not a WireGuard key: character 24 is not a base64 character")]
    [InlineData("a6oniBujlUXqOmv5Hst0v8xCqidy7O4JcN8Q6YRM5Hl=", "\"a6oniBujlUXqOmv5Hst0v8xCqidy7O4JcN8Q6YRM5Hl=\" is not a WireGuard key: its last character before \"=\" sets padding bits, so it is not the base64 of 32 bytes")]
    public void TryParse_InvalidKey_ExplainsWhy(string text, string expected)
    {
        var ok = WireGuardKey.TryParse(text, out var key, out var error);

        Assert.False(ok);
        Assert.Null(key);
        Assert.Equal(expected, error);
    }

    [Theory]
    [InlineData("short")]
    [InlineData("a6oniBujlUXqOmv5Hst0v8x-qidy7O4JcN8Q6YRM5Hk=")]
    [InlineData("SECRETSECRETSECRETSECRETSECRETSECRETSECRET==")]
    public void IsWellFormed_BadSecret_ReasonNeverQuotesTheText(string text)
    {
        var ok = WireGuardKey.IsWellFormed(text, out var reason);

        Assert.False(ok);
        Assert.DoesNotContain(text, reason);
        Assert.DoesNotContain("SECRET", reason);
        Assert.DoesNotContain("-", reason!.Replace("\"=\"", ""));
    }

    [Fact]
    public void IsWellFormed_GoodKey_IsTrue()
    {
        Assert.True(WireGuardKey.IsWellFormed(TestKeys.Private, out var reason));
        Assert.Null(reason);
    }

    [Fact]
    public void Equals_SameBytes_AreEqual()
    {
        Assert.Equal(WireGuardKey.Parse(TestKeys.PeerA), WireGuardKey.Parse(TestKeys.PeerA));
        Assert.Equal(WireGuardKey.Parse(TestKeys.PeerA).GetHashCode(), WireGuardKey.Parse(TestKeys.PeerA).GetHashCode());
        Assert.NotEqual(WireGuardKey.Parse(TestKeys.PeerA), WireGuardKey.Parse(TestKeys.PeerB));
    }

    [Fact]
    public void ToArray_IsACopy()
    {
        var key = WireGuardKey.Parse(TestKeys.PeerA);

        key.ToArray()[0] = 0xFF;

        Assert.Equal(0x01, key.ToArray()[0]);
    }
}
