using WgAgent.Core.Diagnostics;

namespace WgAgent.Core.Tests.Diagnostics;

public class SuggestionsTests
{
    private static readonly string[] KillswitchKeys =
        ["egress", "inbound", "allow_inbound", "allow_lan", "dns", "forward", "ipv6"];

    [Theory]
    [InlineData("egres", "egress")]
    [InlineData("egrses", "egress")]
    [InlineData("allow_lans", "allow_lan")]
    [InlineData("allowlan", "allow_lan")]
    [InlineData("Inbound", "inbound")]
    [InlineData("ipv4", "ipv6")]
    public void Closest_Typo_SuggestsTheIntendedKey(string typo, string expected)
    {
        Assert.Equal(expected, Suggestions.Closest(typo, KillswitchKeys));
    }

    [Theory]
    [InlineData("scrapers")]
    [InlineData("mtu")]
    [InlineData("completely_unrelated")]
    public void Closest_NothingClose_ReturnsNull(string input)
    {
        Assert.Null(Suggestions.Closest(input, KillswitchKeys));
    }

    [Theory]
    [InlineData("", "", 0)]
    [InlineData("abc", "abc", 0)]
    [InlineData("abc", "acb", 1)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("", "dns", 3)]
    public void EditDistance_Pairs_MatchKnownValues(string a, string b, int expected)
    {
        Assert.Equal(expected, Suggestions.EditDistance(a, b));
    }
}
