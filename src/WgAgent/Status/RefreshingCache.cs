using System.Collections.Concurrent;

namespace WgAgent.Status;

/// <summary>
/// The last outcome of an expensive read, refreshed in the background so that a steady stream of callers never waits
/// for it (stale-while-refresh, as RFC 5861 describes for HTTP caches):
/// <list type="bullet">
/// <item>younger than <c>freshFor</c>: served as is;</item>
/// <item>older, but younger than <c>staleLimit</c>: still served at once, and a refresh starts unless one runs;</item>
/// <item>older than that (nobody asked for a while), none yet, or after <see cref="ReadAgainAsync"/>: the caller waits for
/// a read that starts no earlier than its call.</item>
/// </list>
/// So an outcome is at most <c>freshFor</c> old plus the time of the read that replaces it, and never
/// <c>staleLimit</c> old. Reads run one at a time (single flight, even across <see cref="ReadAgainAsync"/>: a new read
/// waits for the one under way) on threads of the cache's own, so a read may block — start processes, call libnftables —
/// without taking the thread pool's few threads from the callers it serves: a read a caller waits for on one thread, a
/// refresh nobody waits for on another, which the owner may make yield to everything else (a lower priority). A read
/// gets the cache's own lifetime token, never a caller's: a caller that gives up stops waiting, not the read others share.
/// A read that throws is an outcome too (see <see cref="CachedRead{T}"/>).
/// </summary>
/// <typeparam name="T">What the read produces.</typeparam>
public sealed class RefreshingCache<T> : IDisposable
    where T : class
{
    private readonly Func<CancellationToken, T> read;
    private readonly TimeProvider clock;
    private readonly TimeSpan freshFor;
    private readonly TimeSpan staleLimit;
    private readonly CancellationTokenSource lifetime = new();
    private readonly Lock gate = new();
    private readonly SemaphoreSlim oneAtATime = new(1, 1);
    private readonly Lane awaited;
    private readonly Lane background;
    private CachedRead<T>? current; // of the current generation only; read without the gate on the fast path
    private Refresh? latest; // the last refresh started; its outcome is still to come while it is queued or running
    private long generation;
    private long reads;
    private bool disposed;

    /// <summary>Creates the cache and its two reading threads; nothing is read until the first call.</summary>
    /// <param name="read">The read; it runs on one of the cache's threads and may block. It gets the cache's lifetime
    /// token (cancelled by <see cref="Dispose"/>).</param>
    /// <param name="clock">The clock ages are measured with.</param>
    /// <param name="freshFor">How long an outcome is served without starting a refresh.</param>
    /// <param name="staleLimit">How old an outcome may be and still be served while a refresh runs; at least <paramref name="freshFor"/>.</param>
    /// <param name="threadName">The reading threads' name (ps -L, a debugger); the background one adds " (background)".</param>
    /// <param name="backgroundStarted">Runs first on the thread of the refreshes nobody waits for (e.g. to lower its
    /// priority); null: nothing.</param>
    public RefreshingCache(Func<CancellationToken, T> read, TimeProvider clock, TimeSpan freshFor, TimeSpan staleLimit, string threadName = "cache refresh",
        Action? backgroundStarted = null)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentOutOfRangeException.ThrowIfLessThan(freshFor, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(staleLimit, freshFor);
        this.read = read;
        this.clock = clock;
        this.freshFor = freshFor;
        this.staleLimit = staleLimit;
        awaited = new Lane(threadName, null);
        background = new Lane(threadName + " (background)", backgroundStarted);
    }

    /// <summary>How many reads have been started (for tests and diagnostics).</summary>
    public long Reads => Interlocked.Read(ref reads);

    /// <summary>
    /// The outcome to answer with: at once while there is one younger than the stale limit (starting a refresh when it
    /// is no longer fresh), otherwise after a read.
    /// </summary>
    /// <param name="cancellationToken">Stops waiting (not the read).</param>
    /// <returns>The outcome.</returns>
    public ValueTask<CachedRead<T>> GetAsync(CancellationToken cancellationToken)
    {
        // The common case takes no lock: a fresh outcome, read with one volatile load.
        var now = clock.GetTimestamp();
        if (Volatile.Read(ref current) is { } fresh && clock.GetElapsedTime(fresh.CompletedAt, now) < freshFor)
        {
            return ValueTask.FromResult(fresh);
        }

        Task<CachedRead<T>> wait;
        lock (gate)
        {
            if (current is { } cached && clock.GetElapsedTime(cached.CompletedAt, now) is var age && age < staleLimit)
            {
                if (age >= freshFor)
                {
                    Start(waited: false);
                }

                return ValueTask.FromResult(cached);
            }

            wait = Start(waited: true);
        }

        return new ValueTask<CachedRead<T>>(wait.WaitAsync(cancellationToken));
    }

    /// <summary>
    /// Forgets the outcome and waits for a read that starts after this call (after a change the answer must show, e.g. a
    /// reload). Callers that come later wait for that read too, so none of them gets an outcome from before.
    /// </summary>
    /// <param name="cancellationToken">Stops waiting (not the read).</param>
    /// <returns>The new outcome.</returns>
    public Task<CachedRead<T>> ReadAgainAsync(CancellationToken cancellationToken)
    {
        Task<CachedRead<T>> wait;
        lock (gate)
        {
            generation++;
            Volatile.Write(ref current, null);
            wait = Start(waited: true);
        }

        return wait.WaitAsync(cancellationToken);
    }

    /// <summary>Cancels the read under way and ends the reading threads; reads still queued get the cancelled token, later
    /// calls fail at once.</summary>
    public void Dispose()
    {
        lock (gate)
        {
            if (disposed)
            {
                return;
            }

            disposed = true;
            awaited.Complete();
            background.Complete();
        }

        lifetime.Cancel(); // the sources themselves are never disposed: the threads may still be using them
    }

    // Under the gate. The read of this generation still to come, if any (a caller who waits for a background one waits
    // for it where it is); otherwise a new one on the thread for its kind, after the one under way.
    private Task<CachedRead<T>> Start(bool waited)
    {
        if (latest is { } refresh && refresh.Generation == generation)
        {
            return refresh.Completion.Task;
        }

        var next = new Refresh(generation);
        if (disposed)
        {
            next.Completion.SetResult(CachedRead<T>.Failed(new ObjectDisposedException(nameof(RefreshingCache<T>)), clock.GetTimestamp()));
            return next.Completion.Task;
        }

        latest = next;
        Interlocked.Increment(ref reads);
        // A futex wake: the caller that found the outcome stale returns at once.
        (waited ? awaited : background).Post(() =>
        {
            oneAtATime.Wait();
            try
            {
                Run(next);
            }
            finally
            {
                oneAtATime.Release();
            }
        });
        return next.Completion.Task;
    }

    private void Run(Refresh refresh)
    {
        CachedRead<T> outcome;
        try
        {
            outcome = CachedRead<T>.Succeeded(read(lifetime.Token), clock.GetTimestamp());
        }
        catch (Exception e)
        {
            // Served like a value: callers are told, rather than given the last good outcome as if nothing happened.
            outcome = CachedRead<T>.Failed(e, clock.GetTimestamp());
        }

        lock (gate)
        {
            if (refresh.Generation == generation)
            {
                Volatile.Write(ref current, outcome);
            }

            if (ReferenceEquals(latest, refresh))
            {
                latest = null;
            }
        }

        refresh.Completion.SetResult(outcome);
    }

    // A thread that runs what is posted to it, in order, until completed.
    private sealed class Lane
    {
        private readonly BlockingCollection<Action> work = [];

        public Lane(string name, Action? started) =>
            new Thread(() =>
            {
                started?.Invoke();
                foreach (var item in work.GetConsumingEnumerable())
                {
                    item();
                }
            })
            { IsBackground = true, Name = name }.Start();

        public void Post(Action item) => work.Add(item);

        public void Complete() => work.CompleteAdding();
    }

    private sealed class Refresh(long generation)
    {
        public long Generation { get; } = generation;

        public TaskCompletionSource<CachedRead<T>> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
