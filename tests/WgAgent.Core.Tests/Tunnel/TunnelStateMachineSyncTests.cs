using WgAgent.Core.Tunnel;
using static WgAgent.Core.Tests.Tunnel.Messages;

namespace WgAgent.Core.Tests.Tunnel;

public sealed class TunnelStateMachineSyncTests
{
    [Fact]
    public void Synchronize_Start_AsksForLinksThenAddresses()
    {
        // Arrange
        var driver = new MachineDriver();

        // Act
        driver.Take(driver.Machine.Synchronize());
        var first = driver.LastRequest;
        driver.Feed(LinkPart(first.Sequence, Lo), Done(first.Sequence));

        // Assert
        Assert.Equal([DumpKind.Links, DumpKind.Addresses], driver.Requests.Select(r => r.Kind));
        Assert.NotEqual(driver.Requests[0].Sequence, driver.Requests[1].Sequence);
        Assert.True(driver.Machine.IsSynchronizing);
        Assert.Equal(TunnelPhase.Unknown, driver.State.Phase);
    }

    [Fact]
    public void Synchronize_InterfaceExistsUpWithAddresses_PublishesUpOnce()
    {
        var driver = new MachineDriver().Synchronized([Lo, Link(4)], [(1, V4("127.0.0.1", 8)), (4, V6()), (4, V4())]);

        var change = Assert.Single(driver.Changes);
        Assert.Equal((TunnelPhase.Unknown, TunnelPhase.Up), (change.Previous.Phase, change.Current.Phase));
        Assert.Equal(["10.0.0.2/24", "fd00::2/64"], driver.State.Addresses.Select(a => a.ToString()));
        Assert.False(driver.Machine.IsSynchronizing);
    }

    [Fact]
    public void Synchronize_NotificationsQueuedBeforeDumpBegins_AreDropped()
    {
        // Arrange
        var driver = new MachineDriver();
        driver.Take(driver.Machine.Synchronize());
        var links = driver.LastRequest.Sequence;

        // Act: stale notifications (a wg0 that no longer exists), then the dump, which lacks it.
        driver.Feed(NewLink(Link(5)), NewAddr(5, V4()), LinkPart(links, Lo), Done(links));
        var addresses = driver.LastRequest.Sequence;
        driver.Feed(NewAddr(5, V4()), Done(addresses));

        // Assert
        Assert.Equal(TunnelPhase.Absent, driver.State.Phase);
    }

    [Fact]
    public void Synchronize_NotificationsAfterDumpBegins_AreApplied()
    {
        // Arrange
        var driver = new MachineDriver();
        driver.Take(driver.Machine.Synchronize());
        var links = driver.LastRequest.Sequence;

        // Act: wg0 is created while the link dump is under way, its address while addresses are dumped.
        driver.Feed(LinkPart(links, Lo), NewLink(Link(5)), Done(links));
        var addresses = driver.LastRequest.Sequence;
        driver.Feed(AddrPart(addresses, 1, V4("127.0.0.1", 8)), NewAddr(5, V4()));
        var beforeCommit = driver.State;
        driver.Feed(Done(addresses));

        // Assert
        Assert.Equal(TunnelPhase.Unknown, beforeCommit.Phase);
        Assert.Equal(TunnelPhase.Up, driver.State.Phase);
    }

    [Fact]
    public void Handle_DumpInterrupted_DumpsAgain()
    {
        var driver = new MachineDriver();
        driver.Take(driver.Machine.Synchronize());
        var links = driver.LastRequest.Sequence;

        driver.Feed(LinkPart(links, Lo, interrupted: true), Done(links, interrupted: true));

        Assert.Equal([DumpKind.Links, DumpKind.Links], driver.Requests.Select(r => r.Kind));
        driver.AnswerDumps([Lo, Link(4)], [(4, V4())]);
        Assert.Equal(TunnelPhase.Up, driver.State.Phase);
    }

    [Fact]
    public void Handle_DumpsInterruptedTooOften_Fails()
    {
        var driver = new MachineDriver();
        driver.Take(driver.Machine.Synchronize());

        for (var i = 0; i <= TunnelStateMachine.MaxInterruptedSyncs; i++)
        {
            driver.Feed(Done(driver.LastRequest.Sequence, interrupted: true));
        }

        Assert.Contains("interrupted", Assert.Single(driver.Failures), StringComparison.Ordinal);
        Assert.False(driver.Machine.IsSynchronizing);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Handle_DumpRefused_FailsAndSynchronizeRecovers(bool asErrorReply)
    {
        // Arrange
        var driver = new MachineDriver();
        driver.Take(driver.Machine.Synchronize());
        var links = driver.LastRequest.Sequence;

        // Act: EBUSY as an error reply, or EINTR in NLMSG_DONE; then the host reopens and starts over.
        driver.Feed(asErrorReply ? Error(links, 16) : Done(links, 4));
        var failures = driver.Failures.ToList();
        driver.Synchronized([Lo], []);

        // Assert
        Assert.Contains(asErrorReply ? "errno 16" : "errno 4", Assert.Single(failures), StringComparison.Ordinal);
        Assert.Equal(TunnelPhase.Absent, driver.State.Phase);
    }

    [Fact]
    public void Handle_AckAndForeignErrors_AreIgnored()
    {
        var driver = new MachineDriver().Synchronized([Lo], []);

        driver.Feed(Error(12345, 0), Error(12345, 17), Done(777));

        Assert.Empty(driver.Failures);
        Assert.Empty(driver.Requests.Skip(2));
    }
}
