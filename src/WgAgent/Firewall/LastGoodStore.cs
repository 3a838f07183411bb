using System.Text;
using WgAgent.Interop;

namespace WgAgent.Firewall;

/// <summary>
/// <c>$STATE_DIRECTORY/last-good.nft</c>: the last table verified in the kernel, which <c>killswitch up</c> loads when
/// the config is broken. Written atomically (temp file, fsync, rename, fsync of the directory), so a crash or power
/// cut at any moment leaves either the old file or the new one, never a torn one that would fail the next boot.
/// </summary>
public sealed class LastGoodStore
{
    /// <summary>The file's name inside the state directory.</summary>
    public const string FileName = "last-good.nft";

    /// <summary>Where systemd's <c>StateDirectory=wgagent</c> points, used when <c>STATE_DIRECTORY</c> is unset.</summary>
    public const string DefaultDirectory = "/var/lib/wgagent";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Creates a store in <paramref name="directory"/> (created on first save if missing).</summary>
    /// <param name="directory">The state directory.</param>
    public LastGoodStore(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        Directory = directory;
        FilePath = Path.Combine(directory, FileName);
    }

    /// <summary>The state directory.</summary>
    public string Directory { get; }

    /// <summary>The file, <c>DIRECTORY/last-good.nft</c>.</summary>
    public string FilePath { get; }

    /// <summary>
    /// The state directory: the option when given, else the first entry of systemd's <c>STATE_DIRECTORY</c> (a
    /// colon-separated list when a unit names several, systemd.exec(5)), else <see cref="DefaultDirectory"/>.
    /// </summary>
    /// <param name="option">The <c>--state-directory</c> value, or null.</param>
    /// <param name="stateDirectoryVariable">The <c>STATE_DIRECTORY</c> environment variable, or null.</param>
    /// <returns>An absolute or relative directory path.</returns>
    public static string ResolveDirectory(string? option, string? stateDirectoryVariable)
    {
        if (!string.IsNullOrEmpty(option))
        {
            return option;
        }

        var first = stateDirectoryVariable?.Split(':', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return string.IsNullOrEmpty(first) ? DefaultDirectory : first;
    }

    /// <summary>Reads the stored table.</summary>
    /// <returns>The table and when it was saved; null when there is none.</returns>
    /// <exception cref="IOException">It exists but cannot be read (or is not UTF-8).</exception>
    /// <exception cref="UnauthorizedAccessException">It cannot be read for lack of permission.</exception>
    public LastGoodRuleset? TryRead()
    {
        try
        {
            var bytes = File.ReadAllBytes(FilePath);
            var savedAt = new DateTimeOffset(File.GetLastWriteTimeUtc(FilePath), TimeSpan.Zero);
            return new LastGoodRuleset(Decode(bytes), savedAt);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Stores <paramref name="table"/> unless the file already holds exactly that text.</summary>
    /// <param name="table">The verified table block.</param>
    /// <returns>True when the file was written, false when it was already up to date.</returns>
    /// <exception cref="IOException">The directory or file could not be written.</exception>
    /// <exception cref="UnauthorizedAccessException">No permission to write there.</exception>
    public bool SaveIfChanged(string table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var bytes = Utf8.GetBytes(table);
        try
        {
            // Skipping an identical write keeps a no-op `killswitch up` free of fsyncs (boot time) and keeps the
            // file's time meaning "when this ruleset was first verified".
            if (File.ReadAllBytes(FilePath).AsSpan().SequenceEqual(bytes))
            {
                return false;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Absent or unreadable: write it.
        }

        Save(bytes);
        return true;
    }

    private void Save(byte[] bytes)
    {
        // systemd creates StateDirectory= itself (0755); this covers manual runs. Modes come from the umask.
        System.IO.Directory.CreateDirectory(Directory);
        // Same directory, so the rename is atomic (rename(2) within one file system); the PID keeps two writers apart.
        var temp = Path.Combine(Directory, $".{FileName}.{Environment.ProcessId}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write))
            {
                stream.Write(bytes);
                // Data on disk before the name points at it: otherwise a crash can leave an empty last-good.nft.
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, FilePath, overwrite: true);
            Libc.FsyncDirectory(Directory);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    private string Decode(byte[] bytes)
    {
        try
        {
            return Utf8.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            throw new IOException($"{FilePath} is not UTF-8 text", e);
        }
    }
}
