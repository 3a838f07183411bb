using WgAgent.Core.Firewall;

namespace WgAgent.Core.Tests.Firewall;

public sealed class NftListingTests
{
    private const string Rendered = """
        table inet wgagent {
        	counter dropped_input {
        		packets 0 bytes 0
        	}

        	set lan_v4 {
        		type ipv4_addr
        		flags interval
        		elements = { 10.1.0.0/25,
        			     10.1.0.128/25,
        			     192.168.0.0/16 }
        	}

        	chain input {
        		type filter hook input priority filter; policy drop;
        		icmpv6 type { nd-neighbor-solicit, nd-neighbor-advert } accept comment "NDP  keeps, links { alive }"
        		counter name "dropped_input" drop
        	}
        }

        """;

    // As nft 1.0.6 printed it after some traffic: other counter values, other wrapping, elements in another order.
    private const string Listed = """
        table inet wgagent {
        	counter dropped_input {
        		packets 1234 bytes 99817
        	}

        	set lan_v4 {
        		type ipv4_addr
        		flags interval
        		elements = { 192.168.0.0/16, 10.1.0.0/25,
        			     10.1.0.128/25 }
        	}

        	chain input {
        		type filter hook input priority filter; policy drop;
        		icmpv6 type { nd-neighbor-advert, nd-neighbor-solicit } accept comment "NDP  keeps, links { alive }"
        		counter name "dropped_input" drop
        	}
        }
        """;

    [Fact]
    public void Matches_OtherCountersWrappingAndOrder_True()
    {
        Assert.True(NftListing.Matches(Listed, Rendered), NftListing.FirstDifference(Listed, Rendered));
    }

    [Fact]
    public void Normalize_Listing_CanonicalLines()
    {
        var normal = NftListing.Normalize(Listed);

        Assert.Contains("\npackets 0 bytes 0\n", normal, StringComparison.Ordinal);
        Assert.Contains("\nelements = { 10.1.0.0/25, 10.1.0.128/25, 192.168.0.0/16 }\n", normal, StringComparison.Ordinal);
        Assert.Contains("\nicmpv6 type { nd-neighbor-advert, nd-neighbor-solicit } accept comment \"NDP  keeps, links { alive }\"\n", normal, StringComparison.Ordinal);
        Assert.DoesNotContain("\t", normal, StringComparison.Ordinal);
        Assert.DoesNotContain("\n\n", normal, StringComparison.Ordinal);
        Assert.EndsWith("}\n", normal, StringComparison.Ordinal);
    }

    [Fact]
    public void Normalize_Twice_SameAsOnce()
    {
        var once = NftListing.Normalize(Listed);

        Assert.Equal(once, NftListing.Normalize(once));
    }

    [Fact]
    public void Normalize_AnyWhitespaceOutsideQuotes_OneSpace()
    {
        // A line break ends the line; everything else char.IsWhiteSpace knows is a space.
        var whitespace = Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c).Where(c => char.IsWhiteSpace(c) && c != '\n').ToList();

        Assert.All(whitespace, c => Assert.Equal($"a b \"x{c}{c}y\"\n", NftListing.Normalize($"{c}a{c}{c}b {c}\"x{c}{c}y\"{c}")));
    }

    [Fact]
    public void Normalize_ListsWithQuotesAndNesting_InnermostSortedQuotedCommasKept()
    {
        Assert.Equal("x { \"b, c\", a } { }\n", NftListing.Normalize("x {a,\"b, c\" } {  ,  }"));
        Assert.Equal("{ a, { b, c } }\n", NftListing.Normalize("{ a, { c, b } }"));
        Assert.Equal("a \"{ c, b }\" { d, e }\n", NftListing.Normalize("a \"{ c, b }\" { e, d }"));
    }

    [Fact]
    public void Normalize_Quota_UsedZeroed()
    {
        Assert.Equal("quota over 10 mbytes used 0 bytes\n", NftListing.Normalize("quota over 10 mbytes used 512 kbytes"));
    }

    [Theory]
    [InlineData("10.1.0.128/25", "10.1.0.129/25")]                       // an element differs
    [InlineData("192.168.0.0/16, ", "")]                                 // an element is missing
    [InlineData("policy drop;", "policy accept;")]                       // the chain policy
    [InlineData("counter name \"dropped_input\" drop", "counter name \"dropped_input\" accept")] // a verdict
    [InlineData("NDP  keeps", "NDP keeps")]                              // whitespace inside a comment
    [InlineData("\t\tcounter name", "\t\tudp dport 53 accept\n\t\tcounter name")] // an extra rule
    public void Matches_RealDifference_False(string from, string to)
    {
        var changed = Listed.Replace(from, to, StringComparison.Ordinal);
        Assert.NotEqual(Listed, changed);

        Assert.False(NftListing.Matches(changed, Rendered));
        Assert.NotNull(NftListing.FirstDifference(changed, Rendered));
    }

    [Fact]
    public void Matches_RuleOrderSwapped_False()
    {
        const string a = "chain input {\n\tiifname \"lo\" accept\n\tcounter name \"dropped_input\" drop\n}\n";
        const string b = "chain input {\n\tcounter name \"dropped_input\" drop\n\tiifname \"lo\" accept\n}\n";

        Assert.False(NftListing.Matches(a, b));
    }

    [Fact]
    public void FirstDifference_Mismatch_NamesLineAndBothSides()
    {
        var message = NftListing.FirstDifference(Listed.Replace("policy drop;", "policy accept;", StringComparison.Ordinal), Rendered);

        Assert.Equal("line 11: expected \"type filter hook input priority filter; policy drop;\", listed \"type filter hook input priority filter; policy accept;\"", message);
    }

    [Theory]
    [MemberData(nameof(NftRulesetTests.AllTables), MemberType = typeof(NftRulesetTests))]
    public void Normalize_RenderedTable_KeepsEveryRuleAndElement(string name)
    {
        var path = GoldenFiles.PathOf(name);
        var table = File.ReadAllText(path);

        var normal = NftListing.Normalize(table);

        // Every rule without an anonymous set (whose items are sorted) survives as is.
        var rules = table.Split('\n').Select(l => l.Trim())
            .Where(l => (l.Contains(" accept", StringComparison.Ordinal) || l.Contains(" drop", StringComparison.Ordinal)) && !l.Contains('{', StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(rules);
        Assert.All(rules, r => Assert.Contains("\n" + r + "\n", "\n" + normal, StringComparison.Ordinal));
        Assert.True(NftListing.Matches(table, table));
    }

    [Theory]
    [InlineData("ip daddr @dns_v4 meta l4proto { tcp, udp } th dport 53 accept", "ip daddr @dns_v4 meta l4proto { 17, 6 } th dport 53 accept")]
    [InlineData("meta l4proto tcp counter name \"rejected_output\" reject with tcp reset", "meta l4proto 6 counter name \"rejected_output\" reject with tcp reset")]
    [InlineData("meta l4proto ipv6-icmp accept", "meta l4proto 58 accept")]
    public void Matches_ProtocolNumbersOfAHostWithoutEtcProtocols_MatchTheNames(string rendered, string listed)
    {
        // Debian's minimal images have no /etc/protocols (netbase), so nft lists protocol numbers there.
        Assert.True(NftListing.Matches($"table inet t {{\n\tchain c {{\n\t\t{listed}\n\t}}\n}}\n", $"table inet t {{\n\tchain c {{\n\t\t{rendered}\n\t}}\n}}\n"));
    }

    [Fact]
    public void Matches_DifferentProtocol_IsADifference()
    {
        Assert.False(NftListing.Matches("table inet t {\n\tchain c {\n\t\tmeta l4proto 17 accept\n\t}\n}\n", "table inet t {\n\tchain c {\n\t\tmeta l4proto tcp accept\n\t}\n}\n"));
    }

    [Fact]
    public void Matches_ProtocolNameInsideAComment_IsLeftAlone()
    {
        Assert.False(NftListing.Matches("table inet t {\n\tchain c {\n\t\taccept comment \"l4proto 6\"\n\t}\n}\n", "table inet t {\n\tchain c {\n\t\taccept comment \"l4proto tcp\"\n\t}\n}\n"));
    }
}
