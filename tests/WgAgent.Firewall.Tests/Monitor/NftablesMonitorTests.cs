using WgAgent.Core.Firewall;
using WgAgent.Firewall.Tests.Support;
using Xunit.Abstractions;

namespace WgAgent.Firewall.Tests.Monitor;

/// <summary>
/// <see cref="NftablesMonitor"/> against the real kernel: a scratch namespace, real nft commands inside it, and the
/// requirement that each change to <c>table inet wgagent</c> is reported within 1 s of nft returning, while changes
/// to other tables are not reported at all.
/// </summary>
public sealed class NftablesMonitorTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Requirement = TimeSpan.FromSeconds(1);

    private const string Table = """
        table inet wgagent {
            set allowed { type ipv4_addr; }
            counter dropped { }
            chain output { type filter hook output priority 0; policy accept; }
        }

        """;

    public static TheoryData<string> ChangesToTheTable => new()
    {
        "add rule inet wgagent output meta mark 0x1 counter accept\n",
        "add chain inet wgagent input { type filter hook input priority 0; policy accept; }\n",
        "add element inet wgagent allowed { 192.0.2.1 }\n",
        "add set inet wgagent other { type ipv6_addr; }\n",
        "add counter inet wgagent extra\n",
        "delete counter inet wgagent dropped\n",
        "flush chain inet wgagent output\nadd rule inet wgagent output drop\n",
        "add table inet wgagent { flags dormant; }\n",
    };

    public static TheoryData<string> ChangesElsewhere => new()
    {
        "add table inet other\nadd chain inet other output { type filter hook output priority 0; }\nadd rule inet other output counter\n",
        "add table ip wgagent\nadd chain ip wgagent output { type filter hook output priority 0; }\nadd rule ip wgagent output counter\n",
        "add table ip6 wgagent\nadd set ip6 wgagent allowed { type ipv6_addr; }\nadd element ip6 wgagent allowed { 2001:db8::1 }\n",
        "add table bridge wgagent\ndelete table bridge wgagent\n",
        "add table inet wgagent2\nadd table inet wgagen\n",
    };

    [Fact]
    public async Task RunAsync_TableAdded_ReportsTransactionWithinASecond()
    {
        await using var scratch = await Scratch.CreateAsync();
        await using var harness = await MonitorHarness.StartAsync(scratch);

        var command = await harness.NftAsync("add table inet wgagent\n");
        var observed = await harness.NextAsync();

        AssertReported(command, observed, deleted: false);
        await harness.AssertQuietAsync();
    }

    [Theory]
    [MemberData(nameof(ChangesToTheTable))]
    public async Task RunAsync_ChangeToTheTable_ReportsOneTransactionWithinASecond(string change)
    {
        // Arrange
        await using var scratch = await Scratch.CreateAsync();
        await scratch.ApplyAsync(Table);
        await using var harness = await MonitorHarness.StartAsync(scratch);

        // Act
        var command = await harness.NftAsync(change);
        var observed = await harness.NextAsync();

        // Assert
        AssertReported(command, observed, deleted: false);
        await harness.AssertQuietAsync();
    }

    [Fact]
    public async Task RunAsync_TableDeleted_ReportsDeletion()
    {
        await using var scratch = await Scratch.CreateAsync();
        await scratch.ApplyAsync(Table);
        await using var harness = await MonitorHarness.StartAsync(scratch);

        var command = await harness.NftAsync("delete table inet wgagent\n");
        var observed = await harness.NextAsync();

        AssertReported(command, observed, deleted: true);
        Assert.True(observed.Change.Notifications >= 4, observed.Change.ToString()); // set, counter, chain, table
    }

    [Fact]
    public async Task RunAsync_FlushRuleset_ReportsDeletionOnce()
    {
        // Arrange: other tables too, so the flush deletes several; only one report, for ours.
        await using var scratch = await Scratch.CreateAsync();
        await scratch.ApplyAsync(Table + "add table ip filter\nadd table inet other\n");
        await using var harness = await MonitorHarness.StartAsync(scratch);

        // Act
        var command = await harness.NftAsync("flush ruleset\n");
        var observed = await harness.NextAsync();

        // Assert
        AssertReported(command, observed, deleted: true);
        await harness.AssertQuietAsync();
    }

    [Fact]
    public async Task RunAsync_ReplaceInOneTransaction_ReportsOnceNotDeletedAndVerifyingIsQuiet()
    {
        // Arrange
        await using var scratch = await Scratch.CreateAsync();
        await scratch.ApplyAsync(Table);
        await using var harness = await MonitorHarness.StartAsync(scratch);

        // Act: the shape of wgagent's own repair (NftRuleset.Transaction), then its read-back.
        var command = await harness.NftAsync("table inet wgagent {}\ndelete table inet wgagent\n" + Table);
        var observed = await harness.NextAsync();
        Assert.NotNull(await scratch.TryListTableAsync());

        // Assert: one report, table present; listing commits nothing, so the verify after a repair reports nothing.
        AssertReported(command, observed, deleted: false);
        await harness.AssertQuietAsync();
    }

    [Theory]
    [MemberData(nameof(ChangesElsewhere))]
    public async Task RunAsync_ChangeToAnotherTable_NotReported(string unrelated)
    {
        // Arrange
        await using var scratch = await Scratch.CreateAsync();
        await scratch.ApplyAsync(Table);
        await using var harness = await MonitorHarness.StartAsync(scratch);

        // Act: the unrelated change, then a related one as the control. Notifications arrive in order on one
        // socket, so if the first report is the control's, the unrelated change reported nothing.
        await harness.NftAsync(unrelated);
        var control = await harness.NftAsync("add rule inet wgagent output meta mark 0x2 counter\n");
        var observed = await harness.NextAsync();

        // Assert
        AssertReported(control, observed, deleted: false);
        Assert.True(harness.Monitor.Transactions >= 2, $"{harness.Monitor.Transactions} transactions seen");
        await harness.AssertQuietAsync();
    }

    [Fact]
    public async Task RunAsync_ChangeInAnotherNamespace_NotReported()
    {
        await using var watched = await Scratch.CreateAsync();
        await using var elsewhere = await Scratch.CreateAsync();
        await using var harness = await MonitorHarness.StartAsync(watched);

        await elsewhere.ApplyAsync(Table);
        var control = await harness.NftAsync("add table inet wgagent\n");
        var observed = await harness.NextAsync();

        AssertReported(control, observed, deleted: false);
        Assert.Equal(1, harness.Monitor.Transactions);
    }

    [Fact]
    public async Task RunAsync_Transaction_NamesGenerationAndCommittingProcess()
    {
        await using var scratch = await Scratch.CreateAsync();
        await using var harness = await MonitorHarness.StartAsync(scratch);

        await harness.NftAsync("add table inet wgagent\n");
        var first = (await harness.NextAsync()).Change;
        await harness.NftAsync("add chain inet wgagent c\n");
        var second = (await harness.NextAsync()).Change;

        Assert.Equal("nft", first.ProcessName);
        Assert.NotNull(first.ProcessId);
        Assert.NotNull(first.Generation);
        Assert.True(second.Generation > first.Generation, $"{first.Generation} then {second.Generation}");
        Assert.Equal(2, harness.Monitor.TableChanges);
        Assert.Equal(0, harness.Monitor.Overruns + harness.Monitor.Malformed + harness.Monitor.Reopens);
    }

    [Fact]
    public async Task RunAsync_Cancelled_EndsAndUnsubscribes()
    {
        await using var scratch = await Scratch.CreateAsync();
        var monitor = new NftablesMonitor(options: new() { NetworkNamespacePath = scratch.Path });
        using var stop = new CancellationTokenSource();
        var subscribed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var run = monitor.RunAsync((_, _) => { subscribed.TrySetResult(); return ValueTask.CompletedTask; }, stop.Token);
        await subscribed.Task.WaitAsync(MonitorHarness.Bound);
        Assert.True(monitor.IsSubscribed);
        await stop.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(MonitorHarness.Bound));
        Assert.False(monitor.IsSubscribed);
        await Assert.ThrowsAsync<InvalidOperationException>(() => monitor.RunAsync((_, _) => ValueTask.CompletedTask, CancellationToken.None));
    }

    [Fact]
    public async Task RunAsync_NamespaceMissing_GivesUpAfterBoundedRetries()
    {
        var monitor = new NftablesMonitor(options: new()
        {
            NetworkNamespacePath = $"/run/netns/{Scratch.Prefix}absent-{Guid.NewGuid():N}",
            MaxConsecutiveFailures = 3,
            RetryDelay = TimeSpan.FromMilliseconds(10),
        });

        var error = await Assert.ThrowsAsync<NftablesMonitorException>(
            () => monitor.RunAsync((_, _) => ValueTask.CompletedTask, CancellationToken.None).WaitAsync(MonitorHarness.Bound));

        output.WriteLine(error.Message);
        Assert.StartsWith("watching table inet wgagent: nftables notifications failed 3 times in a row; last: ", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, monitor.Reopens);
        Assert.NotNull(monitor.LastFailure);
    }

    [Fact]
    public async Task RunAsync_CallbackThrows_RunEndsWithThatException()
    {
        await using var scratch = await Scratch.CreateAsync();
        await using var harness = await MonitorHarness.StartAsync(scratch);
        harness.ThrowFromCallback = new InvalidOperationException("repair failed");

        await harness.NftAsync("add table inet wgagent\n");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => harness.Run.WaitAsync(MonitorHarness.Bound));
        Assert.Equal("repair failed", error.Message);
        Assert.Equal(0, harness.Monitor.Reopens);
    }

    [Fact]
    public void Constructor_UnknownFamily_Throws() =>
        Assert.ThrowsAny<ArgumentException>(() => new NftablesMonitor("ipv4", "wgagent"));

    private void AssertReported(NftCommand command, ObservedChange observed, bool deleted)
    {
        output.WriteLine(MonitorHarness.Describe(command, observed));
        Assert.Equal(NftablesChangeReason.Transaction, observed.Change.Reason);
        Assert.Equal(deleted, observed.Change.TableDeleted);
        Assert.Equal(("inet", "wgagent"), (observed.Change.Family, observed.Change.Table));
        Assert.True(MonitorHarness.Latency(command, observed) <= Requirement, MonitorHarness.Describe(command, observed));
    }
}
