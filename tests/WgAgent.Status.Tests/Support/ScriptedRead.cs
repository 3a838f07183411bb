using System.Collections.Concurrent;

namespace WgAgent.Status.Tests.Support;

/// <summary>
/// A read the test finishes by hand: every call blocks until the test completes or fails it, in call order. Counts the
/// calls and the most that ran at once.
/// </summary>
internal sealed class ScriptedRead
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly ConcurrentQueue<(TaskCompletionSource<string> Completion, CancellationToken Token)> pending = new();
    private readonly SemaphoreSlim started = new(0);
    private int running;
    private int maxRunning;
    private int calls;

    public int Calls => Volatile.Read(ref calls);

    public int MaxRunning => Volatile.Read(ref maxRunning);

    /// <summary>The threads the calls ran on, by name, and whether each was a thread-pool thread.</summary>
    public ConcurrentBag<(string? Name, bool Pool)> Threads { get; } = [];

    /// <summary>The read: blocks (as the cache's reads may) until the test ends it or the token is cancelled.</summary>
    public string Read(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref calls);
        Threads.Add((Thread.CurrentThread.Name, Thread.CurrentThread.IsThreadPoolThread));
        var now = Interlocked.Increment(ref running);
        InterlockedMax(ref maxRunning, now);
        var completion = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        pending.Enqueue((completion, cancellationToken));
        started.Release();
        try
        {
            return completion.Task.WaitAsync(cancellationToken).GetAwaiter().GetResult();
        }
        finally
        {
            Interlocked.Decrement(ref running);
        }
    }

    /// <summary>Waits for the next call to start (reads run on the thread pool) and ends it with <paramref name="value"/>.</summary>
    public async Task CompleteNextAsync(string value) => (await NextAsync()).Completion.SetResult(value);

    /// <summary>Waits for the next call to start and ends it with <paramref name="error"/>.</summary>
    public async Task FailNextAsync(Exception error) => (await NextAsync()).Completion.SetException(error);

    /// <summary>Waits for the next call to start and returns the token it was given.</summary>
    public async Task<CancellationToken> TokenOfNextAsync() => (await PeekAsync()).Token;

    /// <summary>Waits until the calls that started add up to <paramref name="count"/> (or fails after a while).</summary>
    public async Task WaitForCallsAsync(int count)
    {
        var until = DateTime.UtcNow + Patience;
        while (Calls < count)
        {
            Assert.True(DateTime.UtcNow < until, $"only {Calls} of {count} reads started");
            await Task.Delay(5);
        }
    }

    private async Task<(TaskCompletionSource<string> Completion, CancellationToken Token)> NextAsync()
    {
        Assert.True(await started.WaitAsync(Patience), "no read started");
        Assert.True(pending.TryDequeue(out var next));
        return next;
    }

    private async Task<(TaskCompletionSource<string> Completion, CancellationToken Token)> PeekAsync()
    {
        Assert.True(await started.WaitAsync(Patience), "no read started");
        started.Release();
        Assert.True(pending.TryPeek(out var next));
        return next;
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
