using System.Formats.Tar;
using System.Security.Cryptography;

namespace WgAgent.Packaging.Tests.Support;

/// <summary>A built .deb taken apart with dpkg-deb: its data and control archives' members.</summary>
public sealed class DebArchive
{
    private DebArchive(string path, IReadOnlyDictionary<string, DebEntry> data, IReadOnlyDictionary<string, DebEntry> control)
    {
        Path = path;
        Data = data;
        Control = control;
    }

    public string Path { get; }

    /// <summary>The installed tree by absolute path.</summary>
    public IReadOnlyDictionary<string, DebEntry> Data { get; }

    /// <summary>The control archive's members by name (control, md5sums, postinst, ...).</summary>
    public IReadOnlyDictionary<string, DebEntry> Control { get; }

    /// <summary>The control file's fields (continuation lines joined with '\n', as deb-control(5) folds them).</summary>
    public IReadOnlyDictionary<string, string> Fields => ParseFields(Control["control"].Text!);

    public static async Task<DebArchive> OpenAsync(string path)
    {
        var data = await ReadAsync(path, "--fsys-tarfile");
        var control = await ReadAsync(path, "--ctrl-tarfile");
        return new DebArchive(path, data, control);
    }

    private static async Task<Dictionary<string, DebEntry>> ReadAsync(string deb, string option)
    {
        var result = await Command.RunAsync("dpkg-deb", [option, deb]);
        Assert.True(result.ExitCode == 0, $"dpkg-deb {option} {deb} exited {result.ExitCode}: {result.Stderr}");
        var entries = new Dictionary<string, DebEntry>(StringComparer.Ordinal);
        using var reader = new TarReader(new MemoryStream(result.Stdout));
        while (reader.GetNextEntry() is { } entry)
        {
            // Members are "./usr/bin/x" and "./usr/"; the control archive's are "./control".
            var name = entry.Name.TrimStart('.').TrimEnd('/');
            var path = option == "--ctrl-tarfile" ? name.TrimStart('/') : name.Length == 0 ? "/" : name;
            byte[] head = [], content = [];
            if (entry.DataStream is { } stream)
            {
                content = new byte[entry.Length];
                await stream.ReadExactlyAsync(content);
                head = content[..Math.Min(64, content.Length)];
            }
            var posix = entry as PosixTarEntry;
            entries[path] = new DebEntry(
                path, entry.EntryType, entry.Mode, (posix?.UserName ?? "", entry.Uid), (posix?.GroupName ?? "", entry.Gid),
                entry.ModificationTime, entry.LinkName, entry.Length, head, Convert.ToHexStringLower(MD5.HashData(content)),
                entry.Length < 64 * 1024 && entry.DataStream is not null ? System.Text.Encoding.UTF8.GetString(content) : null);
        }
        return entries;
    }

    private static Dictionary<string, string> ParseFields(string control)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        string? last = null;
        foreach (var line in control.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.StartsWith(' ') && last is not null)
            {
                fields[last] += "\n" + line[1..];
                continue;
            }
            var colon = line.IndexOf(':');
            last = line[..colon];
            fields[last] = line[(colon + 1)..].Trim();
        }
        return fields;
    }
}
