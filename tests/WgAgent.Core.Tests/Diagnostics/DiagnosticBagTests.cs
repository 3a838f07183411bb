using WgAgent.Core.Diagnostics;

namespace WgAgent.Core.Tests.Diagnostics;

public sealed class DiagnosticBagTests
{
    [Fact]
    public void HasErrors_OnlyWarnings_IsFalse()
    {
        var bag = new DiagnosticBag("wg0.conf");

        bag.Warning(new TextPosition(1, 1), null, "w");

        Assert.False(bag.HasErrors);
        Assert.Equal(1, bag.Count);
    }

    [Fact]
    public void HasErrors_AfterAnError_IsTrue()
    {
        var bag = new DiagnosticBag("wg0.conf");

        bag.Warning(new TextPosition(1, 1), null, "w");
        bag.Error(new TextPosition(2, 1), null, "e");

        Assert.True(bag.HasErrors);
    }

    [Fact]
    public void Error_StampsTheBagsSourcePath()
    {
        var bag = new DiagnosticBag("/etc/wireguard/wg0.conf");

        bag.Error(new TextPosition(3, 4), "Interface.MTU", "bad", "hint");

        var diagnostic = Assert.Single(bag.ToSortedList());
        Assert.Equal("/etc/wireguard/wg0.conf:3:4: error: Interface.MTU: bad", diagnostic.ToString());
        Assert.Equal("hint", diagnostic.Hint);
    }

    [Fact]
    public void ToSortedList_OutOfOrder_SortsByLineThenColumnKeepingInsertionOrderForTies()
    {
        var bag = new DiagnosticBag("f");
        bag.Error(new TextPosition(9, 1), null, "late");
        bag.Error(new TextPosition(2, 7), null, "second-b");
        bag.Warning(new TextPosition(2, 7), null, "second-c");
        bag.Error(new TextPosition(2, 3), null, "second-a");
        bag.Add(new Diagnostic("f", 0, 0, DiagnosticSeverity.Error, null, "file"));

        var messages = bag.ToSortedList().Select(d => d.Message);

        Assert.Equal(["file", "second-a", "second-b", "second-c", "late"], messages);
    }

    [Fact]
    public void ToSortedList_IsASnapshot()
    {
        var bag = new DiagnosticBag("f");
        bag.Error(new TextPosition(1, 1), null, "one");

        var snapshot = bag.ToSortedList();
        bag.Error(new TextPosition(2, 1), null, "two");

        Assert.Single(snapshot);
        Assert.Equal(2, bag.ToSortedList().Count);
    }
}
