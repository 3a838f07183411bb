using System.Globalization;

namespace WgAgent.Status.Bench.Node;

/// <summary>
/// Other systemd-nspawn containers on this machine. On the CI machine (hybrid cgroups; the machine's PID 1 is not
/// systemd) every container started with --keep-unit from the root cgroup gets the same cgroup namespace root,
/// /payload, so two booted hosts at once share /payload/system.slice/wgagent.service and the like: the unit's cgroup
/// CPU figure then counts the other host's processes too, and one host's systemd can remove a cgroup the other is
/// starting a unit in (status=219/CGROUP); and they share the 2 vCPUs. The benchmark records how many others ran, phase by
/// phase. (The same as bench/WgAgent.Daemon.Bench's, which is another program.)
/// </summary>
internal static class OtherHosts
{
    /// <summary>PIDs of systemd-nspawn processes other than the one that runs <paramref name="ownLeaderPid"/>.</summary>
    public static IReadOnlyList<int> NspawnPids(int? ownLeaderPid)
    {
        var own = ownLeaderPid is { } leader ? ParentOf(leader) : null;
        var found = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || pid == own)
            {
                continue;
            }

            try
            {
                if (File.ReadAllText(Path.Combine(dir, "comm")).Trim() == "systemd-nspawn")
                {
                    found.Add(pid);
                }
            }
            catch (IOException)
            {
                // Gone meanwhile.
            }
            catch (UnauthorizedAccessException)
            {
                // Not ours to read.
            }
        }

        return found;
    }

    private static int? ParentOf(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null;
        }
    }
}
