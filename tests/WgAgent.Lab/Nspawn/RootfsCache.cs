using WgAgent.Lab.Processes;

namespace WgAgent.Lab.Nspawn;

/// <summary>
/// The cached Debian 12 root file system that booted hosts use as their read-only lower layer. Built by
/// scripts/lab-rootfs.sh (which keys, locks and reuses the cache); this only runs it once per process.
/// </summary>
public static class RootfsCache
{
    // A cold build (debootstrap from the mirror) took 40-47 s here; leave room for a slow mirror and
    // for waiting on another process's build (the script waits for its lock).
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(20);
    private static readonly Lock Gate = new();
    private static Task<string>? pending;

    /// <summary>The path of the ready rootfs, building it first if the cache is missing or outdated.</summary>
    /// <exception cref="InvalidOperationException">The build script failed; its stderr is in the message.</exception>
    public static Task<string> GetAsync()
    {
        lock (Gate)
        {
            // A failed attempt is not cached: the next caller tries again (e.g. after a mirror hiccup).
            if (pending is null || pending.IsFaulted || pending.IsCanceled)
            {
                pending = BuildAsync();
            }

            return pending;
        }
    }

    private static async Task<string> BuildAsync()
    {
        var script = Path.Combine(RepoRoot.Find(), "scripts", "lab-rootfs.sh");
        if (!File.Exists(script))
        {
            throw new FileNotFoundException($"rootfs cache: {script} is missing", script);
        }

        var result = await CommandRunner.RunAsync(["bash", script], BuildTimeout).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            var outcome = result.TimedOut ? $"timed out after {BuildTimeout.TotalMinutes} min" : $"exited {result.ExitCode}";
            throw new InvalidOperationException($"rootfs cache: {result.CommandLine} {outcome}: {Tail(result.Stderr, 30)}");
        }

        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var path = lines.LastOrDefault();
        if (path is null || !Directory.Exists(Path.Combine(path, "etc", "systemd")))
        {
            throw new InvalidOperationException($"rootfs cache: {script} printed no usable rootfs path (last line: '{path}')");
        }

        return path;
    }

    internal static string Tail(string text, int lines) =>
        string.Join('\n', text.Split('\n').TakeLast(lines));
}
