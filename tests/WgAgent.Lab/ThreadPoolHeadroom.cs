namespace WgAgent.Lab;

/// <summary>Makes sure the thread pool can answer at once, so a probe's timeout measures the network, not the pool.</summary>
/// <remarks>
/// Under the xunit/vstest host on a 2-core machine, the pool starts with 2 workers and the host keeps some of
/// them blocked; every await then waited for the pool's slow thread injection (measured: bring-up steps stalled
/// 0.5–1 s at random, 0.35 s → 1.2 s; none with more minimum workers, and none in a plain console process).
/// A 1 s probe delayed like that would report a reachable target as blocked, which is exactly the wrong lie
/// for a kill-switch test.
/// </remarks>
internal static class ThreadPoolHeadroom
{
    private const int MinimumWorkers = 32;

    /// <summary>Raises the pool's minimum worker threads (never lowers it); process-wide, idempotent.</summary>
    public static void Ensure()
    {
        ThreadPool.GetMinThreads(out var workers, out var io);
        if (workers < MinimumWorkers)
        {
            ThreadPool.SetMinThreads(MinimumWorkers, io);
        }
    }
}
