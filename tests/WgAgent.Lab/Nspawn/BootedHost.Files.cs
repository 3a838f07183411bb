using WgAgent.Lab.Processes;

namespace WgAgent.Lab.Nspawn;

/// <content>Preparing the container's files and units, from the host side.</content>
public sealed partial class BootedHost
{
    /// <summary>The default mode of files written in: rw-r--r--.</summary>
    public const UnixFileMode DefaultFileMode =
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    /// <summary>
    /// Writes <paramref name="content"/> to the absolute container path <paramref name="path"/> with
    /// <paramref name="mode"/> (set before the content goes in, so a secret is never world-readable),
    /// creating parent folders. Works before boot and while running (same overlay).
    /// </summary>
    public async Task WriteFileAsync(string path, string content, UnixFileMode mode = DefaultFileMode)
    {
        var hostPath = HostPathOf(path);
        Directory.CreateDirectory(Path.GetDirectoryName(hostPath)!);
        await using var stream = new FileStream(hostPath, new FileStreamOptions
        {
            Mode = FileMode.Create,
            Access = FileAccess.Write,
            UnixCreateMode = mode,
        });
        // UnixCreateMode applies only to new files (and is filtered by the umask): set it explicitly too.
        File.SetUnixFileMode(stream.SafeFileHandle, mode);
        await using var writer = new StreamWriter(stream);
        await writer.WriteAsync(content).ConfigureAwait(false);
    }

    /// <summary>Copies a host file into the container at <paramref name="path"/> (e.g. a .deb to install).</summary>
    public Task CopyInAsync(string hostFile, string path, UnixFileMode mode = DefaultFileMode)
    {
        var hostPath = HostPathOf(path);
        Directory.CreateDirectory(Path.GetDirectoryName(hostPath)!);
        File.Copy(hostFile, hostPath, overwrite: true);
        File.SetUnixFileMode(hostPath, mode);
        return Task.CompletedTask;
    }

    /// <summary>Reads a container file from the host side.</summary>
    public Task<string> ReadFileAsync(string path) => File.ReadAllTextAsync(HostPathOf(path));

    /// <summary>
    /// Enables <paramref name="unit"/> (e.g. wg-quick@wg0.service): before boot with
    /// <c>systemctl --root</c> on the overlay (creates the wants symlinks), while running with
    /// <c>systemctl enable</c> inside (which does not start it).
    /// </summary>
    /// <exception cref="InvalidOperationException">systemctl failed.</exception>
    public async Task EnableUnitAsync(string unit)
    {
        var result = IsRunning
            ? await ExecAsync(["systemctl", "enable", unit]).ConfigureAwait(false)
            : await CommandRunner.RunAsync(["systemctl", $"--root={RootPath}", "enable", unit], options.ExecTimeout).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"enabling {unit} in {MachineName}: {result.Describe()}");
        }
    }

    /// <summary>
    /// Maps an absolute container path to the host path under <see cref="RootPath"/>. Refuses ".." and
    /// symlinks on the way (Debian's /lib -> usr/lib included: write the real path), so a
    /// write can never land outside the container.
    /// </summary>
    private string HostPathOf(string path)
    {
        if (!path.StartsWith('/') || path.Split('/').Any(part => part is ".." or "."))
        {
            throw new ArgumentException($"'{path}' is not a plain absolute container path", nameof(path));
        }

        var hostPath = RootPath;
        foreach (var part in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            hostPath = Path.Combine(hostPath, part);
            if (new FileInfo(hostPath).LinkTarget is { } target)
            {
                throw new ArgumentException($"'{path}': {hostPath[RootPath.Length..]} is a symlink to {target} in the container; use the real path", nameof(path));
            }
        }

        return hostPath;
    }
}
