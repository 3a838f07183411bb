namespace WgAgent.Status.Tests.Support;

/// <summary>
/// Who created which scratch namespace: one file per namespace under /run/wgagent-statustest holding the owner's PID
/// and start time. A crashed run's namespaces are removed at the next start; namespaces this suite did not record are
/// never touched.
/// </summary>
internal static class NamespaceOwners
{
    public const string Directory = "/run/wgagent-statustest";

    public static void Record(string name)
    {
        System.IO.Directory.CreateDirectory(Directory);
        File.WriteAllText(Path.Combine(Directory, name), $"{Environment.ProcessId} {StartTime(Environment.ProcessId)}\n");
    }

    public static void Forget(string name) => File.Delete(Path.Combine(Directory, name));

    /// <summary>Deletes the namespaces of owners that are gone (bounded: one pass over the directory).</summary>
    public static async Task ReapStaleAsync()
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            return;
        }

        foreach (var file in System.IO.Directory.GetFiles(Directory, ScratchNamespace.Prefix + "*"))
        {
            var owner = File.ReadAllText(file).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (owner.Length == 2 && int.TryParse(owner[0], out var pid) && StartTime(pid) == owner[1])
            {
                continue;
            }

            var name = Path.GetFileName(file);
            if (File.Exists($"/run/netns/{name}"))
            {
                await Run.CommandAsync("ip", "netns", "del", name);
            }

            File.Delete(file);
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
