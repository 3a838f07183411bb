using WgAgent.Lab.Runs;

namespace WgAgent.Lab.Tests.Lifecycle;

/// <summary>Everything a running lab holds in the kernel and on disk, to prove afterwards that none of it is left.</summary>
public sealed record LabFootprint(
    IReadOnlyList<string> NamespaceNames,
    IReadOnlyList<string> NetNamespaces,
    IReadOnlyList<string> MountNamespaces,
    IReadOnlyList<(string Name, ProcessIdentity Process)> Processes,
    string RunDirectory)
{
    public static LabFootprint Of(Lab lab)
    {
        var hosts = lab.Hosts.Where(h => h.IsRunning).ToList();
        var processes = hosts
            .SelectMany(h => h.Processes.Select(p => (p.Name, p.Pid)).Append(($"{h.Name}/anchor", h.AnchorPid)))
            .Select(p => (p.Item1, ProcessIdentity.Of(p.Item2)))
            .Where(p => p.Item2 is not null)
            .Select(p => (p.Item1, p.Item2!))
            .ToList();
        return new LabFootprint(
            lab.NamespaceNames,
            [.. hosts.Select(h => ReadLink($"/proc/{h.AnchorPid}/ns/net"))],
            [.. hosts.Select(h => ReadLink($"/proc/{h.AnchorPid}/ns/mnt"))],
            processes,
            lab.Run.Directory);
    }

    /// <summary>What of this footprint still exists, in words; empty when nothing does.</summary>
    public IReadOnlyList<string> Remaining()
    {
        var left = new List<string>();
        left.AddRange(NamespaceNames.Where(n => File.Exists($"/run/netns/{n}")).Select(n => $"namespace {n}"));
        left.AddRange(Processes.Where(p => p.Process.IsAlive).Select(p => $"process {p.Name} (pid {p.Process.Pid})"));
        foreach (var pid in AllPids())
        {
            // A process inside one of the run's namespaces (network, or an anchor's mount namespace with its
            // /run/wireguard tmpfs and wireguard-go sockets) would keep them alive.
            var net = TryReadLink($"/proc/{pid}/ns/net");
            var mnt = TryReadLink($"/proc/{pid}/ns/mnt");
            if (net is not null && NetNamespaces.Contains(net))
            {
                left.Add($"pid {pid} in {net}");
            }

            if (mnt is not null && MountNamespaces.Contains(mnt))
            {
                left.Add($"pid {pid} in {mnt}");
            }

            // A bind mount of a network namespace (e.g. in another mount namespace) would pin it in the kernel.
            var mountinfo = TryRead($"/proc/{pid}/mountinfo");
            left.AddRange(NetNamespaces.Where(ns => mountinfo?.Contains(ns, StringComparison.Ordinal) == true)
                .Select(ns => $"pid {pid}'s mount table pins {ns}"));
        }

        if (Directory.Exists(RunDirectory))
        {
            left.Add($"directory {RunDirectory}");
        }

        return left;
    }

    private static IEnumerable<int> AllPids() =>
        Directory.EnumerateDirectories("/proc")
            .Select(Path.GetFileName)
            .Select(n => int.TryParse(n, out var pid) ? pid : 0)
            .Where(pid => pid > 0);

    private static string ReadLink(string path) =>
        TryReadLink(path) ?? throw new InvalidOperationException($"cannot read {path}");

    private static string? TryReadLink(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string? TryRead(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
