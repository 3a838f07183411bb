using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using WgAgent.Core.Firewall;
using WgAgent.Firewall.Tests.Support;
using WgAgent.Lab.Netns;

namespace WgAgent.Firewall.Tests.Monitor;

/// <summary>
/// An <see cref="NftablesMonitor"/> running in a scratch namespace; its callback records every change with a
/// timestamp. Started only once the first (subscribed) report arrived, so no later nft command can be missed.
/// Every wait is bounded; dispose stops the monitor and waits for it.
/// </summary>
internal sealed class MonitorHarness : IAsyncDisposable
{
    /// <summary>The bound on every wait: generous for a loaded machine. The requirement (1 s) is asserted separately.</summary>
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);

    /// <summary>How long "nothing more arrives" is watched for.</summary>
    public static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(300);

    private readonly Channel<ObservedChange> changes = Channel.CreateUnbounded<ObservedChange>();
    private readonly CancellationTokenSource stop = new();
    private readonly ScratchNamespace scratch;
    private Task run = Task.CompletedTask;

    private MonitorHarness(ScratchNamespace scratch, NftablesMonitor monitor)
    {
        this.scratch = scratch;
        Monitor = monitor;
    }

    public NftablesMonitor Monitor { get; }

    /// <summary>The task of <see cref="NftablesMonitor.RunAsync"/>.</summary>
    public Task Run => run;

    /// <summary>Set to make the callback throw (once).</summary>
    public Exception? ThrowFromCallback { get; set; }

    public static async Task<MonitorHarness> StartAsync(ScratchNamespace scratch, string family = "inet", string table = "wgagent",
        NftablesMonitorOptions? options = null)
    {
        var monitor = new NftablesMonitor(family, table,
            (options ?? new NftablesMonitorOptions()) with { NetworkNamespacePath = scratch.Path });
        var harness = new MonitorHarness(scratch, monitor);
        harness.run = monitor.RunAsync(harness.OnChangeAsync, harness.stop.Token);
        try
        {
            var first = await harness.NextAsync();
            Assert.Equal(NftablesChangeReason.Subscribed, first.Change.Reason);
            return harness;
        }
        catch
        {
            await harness.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs an nft script inside the namespace (one transaction) and requires success.</summary>
    public async Task<NftCommand> NftAsync(string script)
    {
        var startedAt = Stopwatch.GetTimestamp();
        await scratch.ApplyAsync(script);
        return new NftCommand(script, startedAt, Stopwatch.GetTimestamp());
    }

    /// <summary>The next reported change, within <paramref name="bound"/> (default <see cref="Bound"/>).</summary>
    public async Task<ObservedChange> NextAsync(TimeSpan? bound = null)
    {
        using var timeout = new CancellationTokenSource(bound ?? Bound);
        try
        {
            return await changes.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            var state = run.IsCompleted ? $"the monitor stopped: {run.Exception?.InnerException?.Message ?? run.Status.ToString()}" : "the monitor runs";
            throw new TimeoutException($"no change reported within {(bound ?? Bound).TotalSeconds} s ({state}; "
                + $"{Monitor.Notifications} notifications, {Monitor.Transactions} transactions seen)");
        }
    }

    /// <summary>Asserts nothing more is reported for <see cref="Quiet"/>.</summary>
    public async Task AssertQuietAsync()
    {
        using var timeout = new CancellationTokenSource(Quiet);
        try
        {
            var extra = await changes.Reader.ReadAsync(timeout.Token);
            Assert.Fail($"unexpected report: {extra.Change}");
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
        }
    }

    /// <summary>From the nft command's return to the callback; negative when the callback ran first (the kernel
    /// notifies during the commit, before it acknowledges the batch to nft).</summary>
    public static TimeSpan Latency(NftCommand command, ObservedChange observed) =>
        TimeSpan.FromSeconds((double)(observed.At - command.ReturnedAt) / Stopwatch.Frequency);

    public static string Describe(NftCommand command, ObservedChange observed)
    {
        var fromStart = Stopwatch.GetElapsedTime(command.StartedAt, observed.At);
        var fromReturn = Latency(command, observed);
        return string.Create(CultureInfo.InvariantCulture,
            $"`{command.Script.Trim().Replace('\n', ';')}`: callback {fromReturn.TotalMilliseconds:0.000} ms after nft returned "
            + $"({fromStart.TotalMilliseconds:0.0} ms after it started) — {observed.Change}");
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try
        {
            await run.WaitAsync(Bound);
        }
        catch (OperationCanceledException)
        {
        }
        catch (NftablesMonitorException)
        {
        }
        catch (InvalidOperationException)
        {
        }

        stop.Dispose();
    }

    private ValueTask OnChangeAsync(NftablesTableChange change, CancellationToken cancellationToken)
    {
        changes.Writer.TryWrite(new ObservedChange(change, Stopwatch.GetTimestamp()));
        if (ThrowFromCallback is { } e)
        {
            ThrowFromCallback = null;
            throw e;
        }

        return ValueTask.CompletedTask;
    }
}
