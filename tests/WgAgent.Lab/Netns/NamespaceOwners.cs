namespace WgAgent.Lab.Netns;

/// <summary>
/// Who created which scratch namespace: one file per namespace in a suite's own directory under /run, holding the
/// owner's PID and start time. A crashed run's namespaces are removed at the next start; namespaces of a live run,
/// namespaces without a record, and names outside the given prefix are never touched.
/// </summary>
public sealed class NamespaceOwners
{
    /// <summary>Keeps the records in <paramref name="directory"/> (e.g. /run/wgagent-fwtest).</summary>
    public NamespaceOwners(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        Directory = directory;
    }

    /// <summary>The directory holding one record per namespace.</summary>
    public string Directory { get; }

    /// <summary>Records this process as the owner of <paramref name="name"/> (before the namespace exists).</summary>
    public void Record(string name)
    {
        System.IO.Directory.CreateDirectory(Directory);
        // Written aside and renamed: a parallel test's ReapStaleAsync must never read a half-written (empty) record
        // and take a live owner for a dead one. The dot keeps the temporary name out of every prefix* match.
        var temporary = Path.Combine(Directory, $".{name}.{Environment.ProcessId}.tmp");
        File.WriteAllText(temporary, $"{Environment.ProcessId} {StartTime(Environment.ProcessId)}\n");
        File.Move(temporary, Path.Combine(Directory, name), overwrite: true);
    }

    /// <summary>Drops the record of <paramref name="name"/> (nothing happens when there is none).</summary>
    public void Forget(string name) => File.Delete(Path.Combine(Directory, name));

    /// <summary>
    /// Removes the recorded namespaces named <paramref name="prefix"/>* whose owner is gone (a PID no longer running,
    /// or reused by another process), with whatever still runs in them; bounded: one pass over the directory.
    /// </summary>
    public async Task ReapStaleAsync(string prefix)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        if (!System.IO.Directory.Exists(Directory))
        {
            return;
        }

        foreach (var file in System.IO.Directory.GetFiles(Directory, prefix + "*"))
        {
            string[] owner;
            try
            {
                owner = File.ReadAllText(file).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            }
            catch (FileNotFoundException)
            {
                continue; // its owner finished (Forget) between the listing and the read: nothing to reap
            }

            if (owner.Length == 2 && int.TryParse(owner[0], out var pid) && StartTime(pid) == owner[1])
            {
                continue;
            }

            var problems = await NamespaceReaper.RemoveAsync(Path.GetFileName(file)).ConfigureAwait(false);
            if (problems.Count == 0)
            {
                File.Delete(file);
            }
        }
    }

    /// <summary>Field 22 of /proc/PID/stat (start time in clock ticks): tells a live owner from a reused PID.</summary>
    private static string StartTime(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[19];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "gone";
        }
    }
}
