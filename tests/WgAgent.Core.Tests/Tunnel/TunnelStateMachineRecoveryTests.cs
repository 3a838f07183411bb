using System.Net;
using WgAgent.Core.Tunnel;
using static WgAgent.Core.Tests.Tunnel.Messages;

namespace WgAgent.Core.Tests.Tunnel;

public sealed class TunnelStateMachineRecoveryTests
{
    [Fact]
    public void Overrun_WhenIdle_DumpsAgainAndDropsPhantoms()
    {
        // Arrange: wg0 up; then (unseen, lost to the overrun) deleted and re-created with another index and address.
        var driver = new MachineDriver().Synchronized([Lo, Link(4)], [(4, V4("10.0.0.2"))]);
        driver.DrainPhases();

        // Act
        driver.Take(driver.Machine.Overrun());
        driver.AnswerDumps([Lo, Link(9)], [(9, V4("10.0.0.3"))]);

        // Assert: seen as a removal and a new link, as if the deletion had been received.
        Assert.Equal(["Up→Absent", "Absent→Up"], driver.DrainPhases());
        Assert.Equal(9, driver.State.Link!.Index);
        Assert.Equal([IPAddress.Parse("10.0.0.3")], driver.State.UsableIPv4);
    }

    [Fact]
    public void Overrun_WhenNothingChanged_PublishesNothing()
    {
        var driver = new MachineDriver().Synchronized([Lo, Link(4)], [(4, V4())]);
        driver.Changes.Clear();

        driver.Take(driver.Machine.Overrun());
        driver.AnswerDumps([Lo, Link(4)], [(4, V4())]);

        Assert.Empty(driver.Changes);
        Assert.Equal(4, driver.Requests.Count);
    }

    [Fact]
    public void Overrun_DuringDump_RestartsAfterThatDumpEnds()
    {
        // Arrange
        var driver = new MachineDriver();
        driver.Take(driver.Machine.Synchronize());
        var links = driver.LastRequest.Sequence;

        // Act: the overrun arrives mid-dump; nothing new may be sent until the kernel ends the running dump.
        driver.Feed(LinkPart(links, Lo));
        driver.Take(driver.Machine.Overrun());
        var requestsDuringDump = driver.Requests.Count;
        driver.Feed(LinkPart(links, Link(4)), Done(links));

        // Assert
        Assert.Equal(1, requestsDuringDump);
        Assert.Equal([DumpKind.Links, DumpKind.Links], driver.Requests.Select(r => r.Kind));
        driver.AnswerDumps([Lo], []);
        Assert.Equal(TunnelPhase.Absent, driver.State.Phase);
    }

    [Fact]
    public void Handle_PartsOfAbandonedDump_AreIgnored()
    {
        // Arrange: a link dump restarted after an overrun; the old one's late parts still arrive.
        var driver = new MachineDriver();
        driver.Take(driver.Machine.Synchronize());
        var old = driver.LastRequest.Sequence;
        driver.Take(driver.Machine.Overrun());
        driver.Feed(Done(old));
        var current = driver.LastRequest.Sequence;

        // Act
        driver.Feed(LinkPart(old, Link(4)), LinkPart(current, Lo), Done(old), Done(current));
        driver.Feed(Done(driver.LastRequest.Sequence));

        // Assert
        Assert.Equal(TunnelPhase.Absent, driver.State.Phase);
        Assert.Empty(driver.Failures);
    }

    [Fact]
    public void Handle_NoBufferSpaceReplyToDump_KeepsWaitingForTheDump()
    {
        // Arrange
        var driver = new MachineDriver();
        driver.Take(driver.Machine.Synchronize());
        var links = driver.LastRequest.Sequence;

        // Act: ENOBUFS for the request, then the dump anyway, as the kernel does when the queue was full.
        driver.Feed(Error(links, 105), LinkPart(links, Lo), LinkPart(links, Link(4)), Done(links));
        driver.Feed(AddrPart(driver.LastRequest.Sequence, 4, V4()), Done(driver.LastRequest.Sequence));

        // Assert
        Assert.Empty(driver.Failures);
        Assert.Equal(TunnelPhase.Up, driver.State.Phase);
    }

    [Fact]
    public void Handle_Malformed_DumpsAgain()
    {
        var driver = new MachineDriver().Synchronized([Lo], []);

        driver.Feed(new MalformedMessage(default, "test"));

        Assert.Equal(DumpKind.Links, driver.LastRequest.Kind);
        Assert.Equal(3, driver.Requests.Count);
    }
}
