namespace WgAgent.Lab.Nspawn;

/// <summary>
/// One booted-host user per machine at a time. The lab's nspawn hosts share one cgroup root (nspawn runs with
/// --keep-unit --register=no, there is no host systemd), and two test runs or a benchmark booting at the same
/// time were seen to hang a boot or fail a unit with 219/CGROUP. Hosts of one process may overlap (its
/// fixtures run one after another anyway); another process waits, bounded, for this one to finish.
/// </summary>
internal static class BootLock
{
    private const string LockPath = "/run/wgagent-lab-nspawn.lock";
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static FileStream? held;
    private static int holders;

    /// <summary>Takes the machine-wide lock (or joins this process's hold of it).</summary>
    /// <exception cref="BootedHostException">Another process held it longer than <paramref name="timeout"/>.</exception>
    public static async Task AcquireAsync(TimeSpan timeout, Action<string>? log)
    {
        await Gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (holders++ > 0)
            {
                return;
            }

            var waited = System.Diagnostics.Stopwatch.StartNew();
            var told = false;
            while (true)
            {
                try
                {
                    // FileShare.None is an exclusive flock(2) on Linux: released by the kernel when this
                    // process dies, so a crashed run never leaves the lock behind.
                    held = new FileStream(LockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                    return;
                }
                catch (IOException) when (waited.Elapsed < timeout)
                {
                    if (!told)
                    {
                        log?.Invoke($"nspawn lab: another process holds {LockPath} (a test run or a benchmark booting hosts); waiting up to {timeout.TotalMinutes:0} min");
                        told = true;
                    }

                    await Task.Delay(PollInterval).ConfigureAwait(false);
                }
                catch (IOException e)
                {
                    holders--;
                    throw new BootedHostException(
                        $"another process kept {LockPath} for {timeout.TotalMinutes:0} min (booted lab hosts cannot run side by side): {e.Message}");
                }
            }
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Gives back one hold; the last one releases the lock.</summary>
    public static void Release()
    {
        Gate.Wait();
        try
        {
            if (holders > 0 && --holders == 0)
            {
                held?.Dispose();
                held = null;
            }
        }
        finally
        {
            Gate.Release();
        }
    }
}
