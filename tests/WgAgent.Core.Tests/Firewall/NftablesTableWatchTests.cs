using WgAgent.Core.Firewall;

namespace WgAgent.Core.Tests.Firewall;

public sealed class NftablesTableWatchTests
{
    private const byte Inet = NftablesFamily.Inet;
    private const byte Ip = 2;

    private static NftablesEvent Event(NftablesEventKind kind, byte family = Inet, string? table = "wgagent") => new(kind, family, table);

    private static NftablesEvent Generation(uint id) =>
        new(NftablesEventKind.NewGeneration, 0, null) { Generation = id, ProcessId = 321, ProcessName = "nft" };

    [Fact]
    public void Observe_RuleAddedThenGeneration_ReportsOneTransactionAtTheGeneration()
    {
        var watch = new NftablesTableWatch("inet", "wgagent");

        var atRule = watch.Observe(Event(NftablesEventKind.NewRule));
        var atGeneration = watch.Observe(Generation(8));

        Assert.Null(atRule);
        Assert.NotNull(atGeneration);
        Assert.Equal(NftablesChangeReason.Transaction, atGeneration.Reason);
        Assert.False(atGeneration.TableDeleted);
        Assert.False(atGeneration.EventsMayBeLost);
        Assert.Equal((1, 8u, 321u, "nft"), (atGeneration.Notifications, atGeneration.Generation, atGeneration.ProcessId, atGeneration.ProcessName));
        Assert.False(watch.HasPending);
    }

    [Fact]
    public void Observe_FlushRuleset_ReportsDeletion()
    {
        var watch = new NftablesTableWatch("inet", "wgagent");

        watch.Observe(Event(NftablesEventKind.DeleteRule));
        watch.Observe(Event(NftablesEventKind.DeleteChain));
        watch.Observe(Event(NftablesEventKind.DeleteTable));
        watch.Observe(Event(NftablesEventKind.DeleteTable, Ip, "filter"));
        var change = watch.Observe(Generation(9));

        Assert.Equal((true, 3), (change!.TableDeleted, change.Notifications));
    }

    [Fact]
    public void Observe_DeleteThenRecreateInOneBatch_ReportsChangedNotDeleted()
    {
        // wgagent's own replace: `table inet wgagent {}; delete table inet wgagent; table inet wgagent { ... }`.
        var watch = new NftablesTableWatch("inet", "wgagent");

        watch.Observe(Event(NftablesEventKind.DeleteTable));
        watch.Observe(Event(NftablesEventKind.NewTable));
        watch.Observe(Event(NftablesEventKind.NewChain));
        var change = watch.Observe(Generation(10));

        Assert.Equal((false, 3), (change!.TableDeleted, change.Notifications));
    }

    [Theory]
    [InlineData(Inet, "other")]
    [InlineData(Ip, "wgagent")]
    [InlineData(10, "wgagent")]
    [InlineData(Inet, "WGAGENT")]
    [InlineData(Inet, "wgagent2")]
    public void Observe_OtherTable_NeverReports(byte family, string table)
    {
        var watch = new NftablesTableWatch("inet", "wgagent");

        watch.Observe(Event(NftablesEventKind.NewTable, family, table));
        watch.Observe(Event(NftablesEventKind.NewRule, family, table));
        watch.Observe(Event(NftablesEventKind.DeleteTable, family, table));

        Assert.Null(watch.Observe(Generation(11)));
    }

    [Fact]
    public void Observe_GenerationAfterUnrelatedTransaction_StartsAfresh()
    {
        var watch = new NftablesTableWatch("inet", "wgagent");
        watch.Observe(Event(NftablesEventKind.DeleteTable));
        watch.Observe(Generation(1));

        watch.Observe(Event(NftablesEventKind.NewRule, Ip, "nat"));

        Assert.Null(watch.Observe(Generation(2)));
    }

    [Fact]
    public void Observe_TableWithoutName_CountsAsTheWatchedOne()
    {
        var watch = new NftablesTableWatch("inet", "wgagent");

        watch.Observe(Event(NftablesEventKind.NewRule, Ip, null));

        Assert.NotNull(watch.Observe(Generation(3)));
    }

    [Fact]
    public void Observe_OtherKindNamingTheTable_Reports()
    {
        var watch = new NftablesTableWatch("inet", "wgagent");

        watch.Observe(Event(NftablesEventKind.Other));

        Assert.NotNull(watch.Observe(Generation(4)));
    }

    [Fact]
    public void Observe_Malformed_ReportsEventsLostAndDropsThePendingTransaction()
    {
        var watch = new NftablesTableWatch("inet", "wgagent");
        watch.Observe(Event(NftablesEventKind.NewRule));

        var change = watch.Observe(NftablesEvent.Malformed("bad length"));

        Assert.Equal(NftablesChangeReason.EventsLost, change!.Reason);
        Assert.True(change.EventsMayBeLost);
        Assert.Contains("bad length", change.Detail, StringComparison.Ordinal);
        Assert.Null(watch.Observe(Generation(5)));
    }

    [Fact]
    public void Lost_DropsThePendingTransaction()
    {
        var watch = new NftablesTableWatch("inet", "wgagent");
        watch.Observe(Event(NftablesEventKind.NewRule));

        var change = watch.Lost("ENOBUFS");

        Assert.Equal((NftablesChangeReason.EventsLost, "ENOBUFS"), (change.Reason, change.Detail));
        Assert.False(watch.HasPending);
        Assert.Null(watch.Observe(Generation(6)));
    }

    [Fact]
    public void Subscribed_ReportsEventsMayBeLost()
    {
        var change = new NftablesTableWatch("inet", "wgagent").Subscribed();

        Assert.Equal(NftablesChangeReason.Subscribed, change.Reason);
        Assert.True(change.EventsMayBeLost);
    }

    [Theory]
    [InlineData("inet6", "wgagent")]
    [InlineData("INET", "wgagent")]
    [InlineData("inet", "")]
    public void Constructor_BadFamilyOrName_Throws(string family, string table) =>
        Assert.ThrowsAny<ArgumentException>(() => new NftablesTableWatch(family, table));

    [Theory]
    [InlineData("ip", 2)]
    [InlineData("ip6", 10)]
    [InlineData("inet", 1)]
    [InlineData("arp", 3)]
    [InlineData("bridge", 7)]
    [InlineData("netdev", 5)]
    public void NftablesFamily_NamesAndNumbers_RoundTrip(string name, byte number)
    {
        Assert.True(NftablesFamily.TryParse(name, out var parsed));
        Assert.Equal(number, parsed);
        Assert.Equal(name, NftablesFamily.Name(number));
    }

    [Fact]
    public void ToString_Transaction_ReadsAsALogLine()
    {
        var deleted = new NftablesTableChange(NftablesChangeReason.Transaction, "inet", "wgagent")
        {
            TableDeleted = true,
            Notifications = 3,
            Generation = 12,
            ProcessId = 4242,
            ProcessName = "nft",
        };

        Assert.Equal("table inet wgagent deleted (3 notifications, generation 12, by nft pid 4242)", deleted.ToString());
        Assert.Equal("table inet wgagent changed (1 notification)",
            new NftablesTableChange(NftablesChangeReason.Transaction, "inet", "wgagent") { Notifications = 1 }.ToString());
        Assert.Equal("watching table inet wgagent: nftables notifications may have been lost: ENOBUFS",
            new NftablesTableWatch("inet", "wgagent").Lost("ENOBUFS").ToString());
    }
}
