using WgAgent.Core.Firewall;

namespace WgAgent.Lab.Tests.Firewall;

/// <summary>Every rendered table loads into real nft and lists back matching: what the applier's verify relies on.</summary>
[Trait("lab", "nft")]
public sealed class NftTransactionTests
{
    public static TheoryData<string> GoldenNames() => [.. GoldenTables.Names];

    [Fact]
    public void GoldenTables_Directory_HasBlockAllAndThePostureMatrix()
    {
        Assert.Contains("block-all", GoldenTables.Names);
        Assert.True(GoldenTables.Names.Count(n => n.StartsWith("egress-", StringComparison.Ordinal)) == 32, string.Join(", ", GoldenTables.Names));
    }

    [Theory]
    [MemberData(nameof(GoldenNames))]
    public async Task Transaction_GoldenTable_ListsBackMatchingAndAgainWhenAppliedTwice(string name)
    {
        var table = GoldenTables.Read(name);
        await using var scratch = await Scratch.CreateAsync();

        await scratch.ApplyAsync(NftRuleset.Transaction(table));
        var first = await scratch.ListTableAsync();
        await scratch.ApplyAsync(NftRuleset.Transaction(table));
        var second = await scratch.ListTableAsync();

        Assert.True(NftListing.Matches(first, table), $"{name}: {NftListing.FirstDifference(first, table)}\n{first}");
        Assert.True(NftListing.Matches(second, table), $"{name} (second apply): {NftListing.FirstDifference(second, table)}");
        Assert.Equal(["table inet wgagent"], await scratch.ListTablesAsync());
    }

    [Fact]
    public async Task Transaction_BlockAllTable_ListsBackMatching()
    {
        await using var scratch = await Scratch.CreateAsync();

        await scratch.ApplyAsync(NftRuleset.Transaction(NftRuleset.BlockAllTable));
        var listing = await scratch.ListTableAsync();

        Assert.True(NftListing.Matches(listing, NftRuleset.BlockAllTable), NftListing.FirstDifference(listing, NftRuleset.BlockAllTable));
    }

    [Fact]
    public async Task Transaction_OtherPostureLoaded_ReplacedWithNothingLeftOver()
    {
        var full = GoldenTables.Read("egress-tunnel.inbound-restricted.ipv6-tunnel.forward-tunnel.full");
        var bare = GoldenTables.Read("egress-open.inbound-open.ipv6-tunnel.forward-open.bare");
        await using var scratch = await Scratch.CreateAsync();

        await scratch.ApplyAsync(NftRuleset.Transaction(full));
        await scratch.ApplyAsync(NftRuleset.Transaction(bare));
        var listing = await scratch.ListTableAsync();

        Assert.True(NftListing.Matches(listing, bare), NftListing.FirstDifference(listing, bare));
        Assert.DoesNotContain(NftSets.AllowLanV4, listing, StringComparison.Ordinal);
        Assert.DoesNotContain(NftSets.ExporterScrapersV4("node"), listing, StringComparison.Ordinal);
        Assert.DoesNotContain("_scrapers_v", listing, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Transaction_BrokenTable_FailsAndLeavesPreviousTableInPlace()
    {
        var good = GoldenTables.Read("egress-tunnel.inbound-open.ipv6-tunnel.forward-open.full");
        var broken = good.Replace("oifname \"wg0\" accept", "oifname \"wg0\" acept", StringComparison.Ordinal);
        await using var scratch = await Scratch.CreateAsync();
        await scratch.ApplyAsync(NftRuleset.Transaction(good));

        var result = await scratch.NftAsync(["-f", "-"], NftRuleset.Transaction(broken));
        var listing = await scratch.ListTableAsync();

        Assert.False(result.Succeeded);
        Assert.True(NftListing.Matches(listing, good), NftListing.FirstDifference(listing, good));
    }

    [Fact]
    public async Task Matches_KernelTableChangedBehindOurBack_False()
    {
        var table = GoldenTables.Read("egress-tunnel.inbound-restricted.ipv6-block.forward-open.full");
        await using var scratch = await Scratch.CreateAsync();
        await scratch.ApplyAsync(NftRuleset.Transaction(table));

        await scratch.ApplyAsync("insert rule inet wgagent output accept\nadd element inet wgagent allow_lan_v4 { 203.0.113.0/24 }\n");
        var listing = await scratch.ListTableAsync();

        Assert.False(NftListing.Matches(listing, table));
    }

    [Fact]
    public async Task Matches_AfterTraffic_CountersIgnored()
    {
        var table = NftRuleset.BlockAllTable;
        await using var scratch = await Scratch.CreateAsync();
        await scratch.ApplyAsync(NftRuleset.Transaction(table));

        // Counters move: reset-free way to give them values is to load the counter objects with some.
        var counted = table.Replace("packets 0 bytes 0", "packets 42 bytes 4242", StringComparison.Ordinal);
        await scratch.ApplyAsync(NftRuleset.Transaction(counted));
        var listing = await scratch.ListTableAsync();

        Assert.Contains("packets 42 bytes 4242", listing, StringComparison.Ordinal);
        Assert.True(NftListing.Matches(listing, table), NftListing.FirstDifference(listing, table));
    }

    [Fact]
    public async Task DeleteTransaction_TableAbsent_SucceedsAndLeavesNothing()
    {
        await using var scratch = await Scratch.CreateAsync();

        await scratch.ApplyAsync(NftRuleset.DeleteTransaction);

        Assert.Empty(await scratch.ListTablesAsync());
    }

    [Fact]
    public async Task DeleteTransaction_TablePresent_RemovesOnlyOurTable()
    {
        await using var scratch = await Scratch.CreateAsync();
        await scratch.ApplyAsync("table inet other {\n\tchain c {\n\t\ttype filter hook input priority 0; policy accept;\n\t}\n}\n");
        await scratch.ApplyAsync(NftRuleset.Transaction(NftRuleset.BlockAllTable));

        await scratch.ApplyAsync(NftRuleset.DeleteTransaction);

        Assert.Equal(["table inet other"], await scratch.ListTablesAsync());
    }

    [Fact]
    public async Task Transaction_OtherTablePresent_LeftUntouched()
    {
        const string other = "table ip other {\n\tchain c {\n\t\ttype filter hook output priority 0; policy accept;\n\t\tcounter\n\t}\n}\n";
        await using var scratch = await Scratch.CreateAsync();
        await scratch.ApplyAsync(other);
        var before = (await scratch.NftAsync(["list", "table", "ip", "other"])).EnsureSuccess().Stdout;

        await scratch.ApplyAsync(NftRuleset.Transaction(GoldenTables.Read("egress-tunnel.inbound-restricted.ipv6-tunnel.forward-tunnel.full")));
        var after = (await scratch.NftAsync(["list", "table", "ip", "other"])).EnsureSuccess().Stdout;

        Assert.Equal(before, after);
        Assert.Equal(["table ip other", "table inet wgagent"], await scratch.ListTablesAsync());
    }
}
