using System.Text;
using WgAgent.Core.Exporters;
using WgAgent.Interop;

namespace WgAgent.Exporters;

/// <summary>
/// One systemd unit directory (/etc/systemd/system, or a temporary one in tests): finds the files wgagent wrote
/// there, writes files atomically and removes them. Only regular files are read or touched, never symlinks (an
/// operator's <c>systemctl mask</c> or <c>enable</c> links are not files of ours).
/// </summary>
public sealed class UnitDirectory
{
    private const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
    private const UnixFileMode DirectoryMode = FileMode | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Uses the directory at <paramref name="path"/> (it need not exist yet).</summary>
    /// <param name="path">An absolute path.</param>
    public UnitDirectory(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Path = path;
    }

    /// <summary>The directory.</summary>
    public string Path { get; }

    /// <summary>
    /// Every file with <see cref="GeneratedUnitMarker"/> on its first line: unit files at the top and drop-ins in
    /// <c>*.d/</c> folders (systemd.unit(5) reads nothing deeper), sorted by path.
    /// </summary>
    /// <returns>The owned files.</returns>
    public IReadOnlyList<OwnedUnitFile> FindOwned()
    {
        var owned = new List<OwnedUnitFile>();
        if (!Directory.Exists(Path))
        {
            return owned;
        }

        foreach (var entry in new DirectoryInfo(Path).EnumerateFileSystemInfos())
        {
            if (entry.LinkTarget is not null)
            {
                continue;
            }

            if (entry is FileInfo file)
            {
                AddIfOwned(owned, file, file.Name);
            }
            else if (entry is DirectoryInfo dir && dir.Name.EndsWith(".d", StringComparison.Ordinal))
            {
                foreach (var inner in dir.EnumerateFiles().Where(f => f.LinkTarget is null))
                {
                    AddIfOwned(owned, inner, $"{dir.Name}/{inner.Name}");
                }
            }
        }

        owned.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        return owned;
    }

    /// <summary>True when a file or link exists at <paramref name="relativePath"/>.</summary>
    public bool Exists(string relativePath) => System.IO.Path.Exists(Full(relativePath));

    /// <summary>
    /// Writes <paramref name="content"/> as rw-r--r-- via a temporary file and rename(2), so systemd never reads a
    /// half-written unit, and fsyncs file and directory so the file is there after a power cut (it must be at boot).
    /// </summary>
    public void WriteAtomically(string relativePath, string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("systemd unit files are written on Linux only");
        }

        var target = Full(relativePath);
        var directory = System.IO.Path.GetDirectoryName(target)!;
        if (!Directory.Exists(directory))
        {
            Directory.CreateDirectory(directory, DirectoryMode);
        }

        var temp = System.IO.Path.Combine(directory, $".{System.IO.Path.GetFileName(target)}.{Environment.ProcessId}.tmp");
        try
        {
            using (var stream = new FileStream(temp, new FileStreamOptions { Mode = System.IO.FileMode.Create, Access = FileAccess.Write, UnixCreateMode = FileMode }))
            {
                // The create mode is filtered by the umask: set it explicitly.
                File.SetUnixFileMode(stream.SafeFileHandle, FileMode);
                stream.Write(Utf8.GetBytes(content));
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, target, overwrite: true);
            Libc.FsyncDirectory(directory);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>
    /// Removes the file, then its <c>*.d</c> folder if that is left empty (an empty drop-in folder changes nothing,
    /// and leaving it would leave a trace of wgagent). A missing file is not an error.
    /// </summary>
    /// <returns>True when a file was removed.</returns>
    public bool Remove(string relativePath)
    {
        var target = Full(relativePath);
        if (!File.Exists(target))
        {
            return false;
        }

        File.Delete(target);
        var directory = System.IO.Path.GetDirectoryName(target)!;
        if (directory != Path && directory.EndsWith(".d", StringComparison.Ordinal) && !Directory.EnumerateFileSystemEntries(directory).Any())
        {
            Directory.Delete(directory);
            directory = Path;
        }

        // Like the write: the removal must hold across a power cut, or the exporter boots from a stale unit.
        Libc.FsyncDirectory(directory);
        return true;
    }

    /// <summary>The absolute path of <paramref name="relativePath"/>.</summary>
    public string Full(string relativePath)
    {
        ArgumentException.ThrowIfNullOrEmpty(relativePath);
        // Generated names only ("x.socket", "x.service.d/y.conf"); anything else is a bug, not a path to follow.
        if (relativePath.StartsWith('/') || relativePath.Split('/').Any(part => part is "" or "." or ".."))
        {
            throw new ArgumentException($"'{relativePath}' is not a plain relative unit path", nameof(relativePath));
        }

        return System.IO.Path.Combine(Path, relativePath);
    }

    private static void AddIfOwned(List<OwnedUnitFile> owned, FileInfo file, string relativePath)
    {
        // The marker is the first line; read the whole (small) file only when it is there.
        Span<byte> start = stackalloc byte[GeneratedUnitMarker.Line.Length + 1];
        int read;
        using (var stream = file.OpenRead())
        {
            read = stream.ReadAtLeast(start, start.Length, throwOnEndOfStream: false);
        }

        if (GeneratedUnitMarker.IsOwned(Utf8.GetString(start[..read])))
        {
            owned.Add(new OwnedUnitFile(relativePath, File.ReadAllText(file.FullName, Utf8)));
        }
    }
}
