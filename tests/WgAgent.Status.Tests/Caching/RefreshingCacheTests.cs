using WgAgent.Status.Tests.Support;

namespace WgAgent.Status.Tests.Caching;

/// <summary>
/// The status answers' cache (src/WgAgent/Status/RefreshingCache.cs) with a hand-moved clock and a read the test
/// finishes: fresh and stale answers are served at once, one read at a time, a reload's read is never answered from
/// before it, and a failed read is reported rather than hidden behind the last good answer.
/// </summary>
public sealed class RefreshingCacheTests : IDisposable
{
    private static readonly TimeSpan FreshFor = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan StaleLimit = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly ManualClock clock = new();
    private readonly ScriptedRead script = new();
    private readonly RefreshingCache<string> cache;

    private readonly TaskCompletionSource<string?> backgroundStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public RefreshingCacheTests() =>
        cache = new RefreshingCache<string>(script.Read, clock, FreshFor, StaleLimit, "test refresh", () => backgroundStarted.SetResult(Thread.CurrentThread.Name));

    public void Dispose() => cache.Dispose();

    [Fact]
    public async Task GetAsync_FirstCall_WaitsForTheFirstRead()
    {
        var first = cache.GetAsync(CancellationToken.None);
        Assert.False(first.IsCompleted);

        await script.CompleteNextAsync("a");

        Assert.Equal("a", (await first.AsTask().WaitAsync(Patience)).Value);
        Assert.Equal(1, script.Calls);
    }

    [Fact]
    public async Task GetAsync_Fresh_ServedAtOnceWithoutReading()
    {
        await PrimeAsync("a");
        clock.Advance(FreshFor - TimeSpan.FromMilliseconds(1));

        var answer = cache.GetAsync(CancellationToken.None);

        Assert.True(answer.IsCompletedSuccessfully);
        Assert.Equal("a", (await answer).Value);
        await Task.Delay(50);
        Assert.Equal(1, script.Calls);
    }

    [Fact]
    public async Task GetAsync_Stale_ServedAtOnceWhileOneReadRefreshesIt()
    {
        await PrimeAsync("a");
        clock.Advance(FreshFor + TimeSpan.FromMilliseconds(100));

        var during = Enumerable.Range(0, 100).Select(_ => cache.GetAsync(CancellationToken.None)).ToList();
        await script.WaitForCallsAsync(2);
        during.AddRange(Enumerable.Range(0, 100).Select(_ => cache.GetAsync(CancellationToken.None)));

        Assert.All(during, answer => Assert.True(answer.IsCompletedSuccessfully));
        foreach (var answer in during)
        {
            Assert.Equal("a", (await answer).Value);
        }

        await script.CompleteNextAsync("b");
        Assert.Equal("b", await UntilValueAsync("b"));
        Assert.Equal(2, script.Calls);
        Assert.Equal(1, script.MaxRunning);
    }

    [Fact]
    public async Task GetAsync_OlderThanTheStaleLimit_WaitsForAFreshRead()
    {
        await PrimeAsync("a");
        clock.Advance(StaleLimit);

        var answer = cache.GetAsync(CancellationToken.None);
        Assert.False(answer.IsCompleted);
        await script.CompleteNextAsync("b");

        Assert.Equal("b", (await answer.AsTask().WaitAsync(Patience)).Value);
    }

    [Fact]
    public async Task ReadAgainAsync_WhileARefreshRuns_AnswersFromAReadThatStartsAfterIt()
    {
        await PrimeAsync("before");
        clock.Advance(FreshFor);
        Assert.Equal("before", (await cache.GetAsync(CancellationToken.None)).Value); // starts a refresh
        await script.WaitForCallsAsync(2);

        var reload = cache.ReadAgainAsync(CancellationToken.None);
        var later = cache.GetAsync(CancellationToken.None);
        await script.CompleteNextAsync("read before the reload ended");
        await script.WaitForCallsAsync(3);
        var afterTheOldReadEnded = cache.GetAsync(CancellationToken.None);
        Assert.False(reload.IsCompleted);
        Assert.False(later.IsCompleted);
        Assert.False(afterTheOldReadEnded.IsCompleted);
        await script.CompleteNextAsync("after");

        Assert.Equal("after", (await reload.WaitAsync(Patience)).Value);
        Assert.Equal("after", (await later.AsTask().WaitAsync(Patience)).Value);
        Assert.Equal("after", (await afterTheOldReadEnded.AsTask().WaitAsync(Patience)).Value);
        Assert.Equal("after", (await cache.GetAsync(CancellationToken.None)).Value);
        Assert.Equal(1, script.MaxRunning);
    }

    [Fact]
    public async Task GetAsync_RefreshFails_TheErrorIsServedNotTheLastGoodAnswer()
    {
        await PrimeAsync("good");
        clock.Advance(FreshFor);
        Assert.Equal("good", (await cache.GetAsync(CancellationToken.None)).Value);

        await script.FailNextAsync(new InvalidOperationException("nft: netlink: Operation not permitted"));
        var failed = await UntilAsync(read => read.Error is not null);

        Assert.Null(failed.Value);
        Assert.Equal("nft: netlink: Operation not permitted", failed.Error!.Message);
        Assert.Null((await cache.GetAsync(CancellationToken.None)).Value);
        clock.Advance(FreshFor);
        Assert.NotNull((await cache.GetAsync(CancellationToken.None)).Error); // stale: still the error, while the next read runs
        await script.CompleteNextAsync("good again");
        Assert.Equal("good again", await UntilValueAsync("good again"));
    }

    [Fact]
    public async Task GetAsync_CallerGivesUp_TheReadGoesOnForTheOthers()
    {
        using var impatient = new CancellationTokenSource();
        var gaveUp = cache.GetAsync(impatient.Token).AsTask();
        var waits = cache.GetAsync(CancellationToken.None);

        await impatient.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => gaveUp);
        await script.CompleteNextAsync("a");

        Assert.Equal("a", (await waits.AsTask().WaitAsync(Patience)).Value);
        Assert.Equal(1, script.Calls);
    }

    [Fact]
    public async Task Dispose_ReadUnderWay_ItsTokenIsCancelled()
    {
        var waiting = cache.GetAsync(CancellationToken.None);
        var token = await script.TokenOfNextAsync();

        cache.Dispose();

        Assert.True(token.IsCancellationRequested);
        var outcome = await waiting.AsTask().WaitAsync(Patience);
        Assert.IsAssignableFrom<OperationCanceledException>(outcome.Error);
    }

    [Fact]
    public async Task GetAsync_Reads_WaitedForOnOneThreadOfTheCacheBackgroundOnTheOther()
    {
        await PrimeAsync("a");
        clock.Advance(FreshFor);
        Assert.Equal("a", (await cache.GetAsync(CancellationToken.None)).Value);
        await script.CompleteNextAsync("b");
        await UntilValueAsync("b");

        Assert.Equal([("test refresh", false), ("test refresh (background)", false)], script.Threads.Reverse());
        Assert.Equal("test refresh (background)", await backgroundStarted.Task.WaitAsync(Patience));
    }

    [Fact]
    public async Task GetAsync_AfterDispose_FailsAtOnce()
    {
        cache.Dispose();

        var outcome = await cache.GetAsync(CancellationToken.None).AsTask().WaitAsync(Patience);

        Assert.IsType<ObjectDisposedException>(outcome.Error);
        Assert.Equal(0, script.Calls);
    }

    private async Task PrimeAsync(string value)
    {
        var first = cache.GetAsync(CancellationToken.None);
        await script.CompleteNextAsync(value);
        Assert.Equal(value, (await first.AsTask().WaitAsync(Patience)).Value);
    }

    // A finished read lands in the cache just after its waiters are told; the next call sees it within moments.
    private async Task<string?> UntilValueAsync(string value) => (await UntilAsync(read => read.Value == value)).Value;

    private async Task<CachedRead<string>> UntilAsync(Func<CachedRead<string>, bool> condition)
    {
        var until = DateTime.UtcNow + Patience;
        while (true)
        {
            var read = await cache.GetAsync(CancellationToken.None);
            if (condition(read) || DateTime.UtcNow > until)
            {
                return read;
            }

            await Task.Delay(5);
        }
    }
}
