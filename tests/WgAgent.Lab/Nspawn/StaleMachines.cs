using WgAgent.Lab.Runs;

namespace WgAgent.Lab.Nspawn;

/// <summary>
/// Cleans up after booted hosts of runs that died without disposing them: kills their container and
/// nspawn, unmounts their overlay and removes their folder. Only folders under
/// <see cref="MachineDir.LabRoot"/> whose recorded owner process is gone are touched; processes are
/// killed only if PID and start time both match what that folder recorded.
/// </summary>
internal static class StaleMachines
{
    // A folder without a readable owner file is only taken for stale once it is older than this, so a
    // run that is creating its folder right now is never swept.
    private static readonly TimeSpan OwnerlessGrace = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(10);
    private static readonly Lock Gate = new();
    private static Task? sweep;

    /// <summary>Sweeps once per process; later calls return the first sweep.</summary>
    public static Task SweepOnceAsync(Action<string>? log)
    {
        lock (Gate)
        {
            return sweep ??= SweepAsync(log);
        }
    }

    /// <summary>Removes every stale machine folder now.</summary>
    public static async Task SweepAsync(Action<string>? log)
    {
        foreach (var dir in MachineDir.All().ToList())
        {
            var owner = dir.Owner;
            var stale = owner is null ? dir.Age > OwnerlessGrace : !ProcessTools.IsRunning(owner);
            if (stale)
            {
                log?.Invoke($"nspawn lab: removing leftovers of a dead run in {dir.Path}");
                await RemoveAsync(dir, log).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Stops whatever still runs from <paramref name="dir"/>, unmounts it and deletes it.</summary>
    /// <returns>True if the folder is gone.</returns>
    public static async Task<bool> RemoveAsync(MachineDir dir, Action<string>? log)
    {
        // Killing the container's PID 1 ends its whole PID namespace (wireguard-go included); nspawn
        // then exits by itself, but may not if it is wedged, so it gets a SIGKILL too.
        foreach (var process in new[] { dir.Leader, dir.Nspawn })
        {
            if (process is not null)
            {
                ProcessTools.Kill(process);
                if (!await ProcessTools.WaitForExitAsync(process, ExitTimeout).ConfigureAwait(false))
                {
                    log?.Invoke($"nspawn lab: PID {process.Pid} still alive {ExitTimeout.TotalSeconds} s after SIGKILL");
                }
            }
        }

        if (!await Mounts.UnmountAsync(dir.Root).ConfigureAwait(false))
        {
            // Deleting below a live overlay would delete through it; leave the folder for the next sweep.
            log?.Invoke($"nspawn lab: {dir.Root} is still mounted; not deleting {dir.Path}");
            return false;
        }

        try
        {
            Directory.Delete(dir.Path, recursive: true);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            log?.Invoke($"nspawn lab: deleting {dir.Path}: {e.Message}");
            return false;
        }
    }
}
