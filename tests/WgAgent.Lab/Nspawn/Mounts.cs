using WgAgent.Lab.Processes;

namespace WgAgent.Lab.Nspawn;

/// <summary>Overlay mounts of booted hosts, through mount(8)/umount(8) in the host's mount namespace.</summary>
internal static class Mounts
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Mounts an overlay of <paramref name="lower"/> (never written) at the machine folder's root.</summary>
    public static async Task MountOverlayAsync(string lower, MachineDir dir)
    {
        var options = $"lowerdir={lower},upperdir={dir.Upper},workdir={dir.Work}";
        var result = await CommandRunner.RunAsync(
            ["mount", "-t", "overlay", "overlay", "-o", options, dir.Root], CommandTimeout).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"mounting the overlay for {dir.Path}: {result.Describe()}");
        }
    }

    /// <summary>True if <paramref name="path"/> is a mount point in this mount namespace.</summary>
    public static bool IsMountPoint(string path)
    {
        var full = Path.GetFullPath(path).TrimEnd('/');
        // mountinfo field 5 is the mount point, with space, tab, newline and backslash octal-escaped.
        return File.ReadLines("/proc/self/mountinfo")
            .Select(line => line.Split(' '))
            .Any(fields => fields.Length > 4 && Unescape(fields[4]) == full);
    }

    /// <summary>Unmounts <paramref name="path"/> (all stacked mounts); lazily if it stays busy. True if gone.</summary>
    public static async Task<bool> UnmountAsync(string path)
    {
        for (var attempt = 0; attempt < 20 && IsMountPoint(path); attempt++)
        {
            // nspawn may still be tearing down its own view for a moment after it exits: retry, then
            // detach lazily so the overlay goes away once the last user lets go.
            var args = attempt < 10 ? new[] { "umount", path } : ["umount", "--lazy", path];
            await CommandRunner.RunAsync(args, CommandTimeout).ConfigureAwait(false);
            if (IsMountPoint(path))
            {
                await Task.Delay(100).ConfigureAwait(false);
            }
        }

        return !IsMountPoint(path);
    }

    private static string Unescape(string field) =>
        field.Replace("\\040", " ", StringComparison.Ordinal)
            .Replace("\\011", "\t", StringComparison.Ordinal)
            .Replace("\\012", "\n", StringComparison.Ordinal)
            .Replace("\\134", "\\", StringComparison.Ordinal);
}
