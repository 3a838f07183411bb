using System.Text.RegularExpressions;
using WgAgent.Lab.Netns;

namespace WgAgent.Lab.Runs;

/// <summary>
/// Removes what crashed lab runs left behind: runs whose owner process is gone, and lab namespaces with no
/// run directory at all. Never touches a namespace without the lab prefix, nor a run whose owner lives.
/// </summary>
/// <remarks>
/// Killing the processes in a stale run's namespaces (wireguard-go, exporters, anchors) also frees its
/// wireguard-go sockets, which live only in the anchors' private tmpfs; deleting the namespaces removes
/// its veths and bridges.
/// </remarks>
public static partial class StaleRunCleaner
{
    /// <summary>Removes every stale run now; returns the ids removed and the problems met.</summary>
    public static async Task<(IReadOnlyList<string> Removed, IReadOnlyList<string> Problems)> RemoveStaleRunsAsync()
    {
        var removed = new List<string>();
        var problems = new List<string>();
        var namespaces = NamespaceReaper.List();
        foreach (var id in FindIds(namespaces))
        {
            var run = LabRun.Existing(id);
            var staging = Path.Combine(LabRun.RunsRoot, LabRun.StagingPrefix + id);
            // Staging first: once it is renamed away the final directory exists, so an owner is never missed.
            var owner = ReadStagingOwner(staging) ?? run.ReadOwner();
            if (owner is not null && owner.IsAlive)
            {
                continue;
            }

            if (owner is null && IsBeingPrepared(staging))
            {
                // Another run has just made its staging directory and not yet written the owner file into it.
                continue;
            }

            // Owner dead, or no directory at all (only ever the case for leftovers: directories come first).
            foreach (var name in namespaces.Where(n => n.StartsWith(run.NamespaceNamePrefix, StringComparison.Ordinal)))
            {
                problems.AddRange(await NamespaceReaper.RemoveAsync(name).ConfigureAwait(false));
            }

            DeleteDirectory(run.Directory, problems);
            DeleteDirectory(staging, problems);
            removed.Add(id);
        }

        return (removed, problems);
    }

    /// <summary>Run ids found in run directories and in lab namespace names.</summary>
    private static SortedSet<string> FindIds(IEnumerable<string> namespaces)
    {
        var ids = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var name in namespaces)
        {
            var match = NamespaceName().Match(name);
            if (match.Success)
            {
                ids.Add(match.Groups["id"].Value);
            }
        }

        if (Directory.Exists(LabRun.RunsRoot))
        {
            foreach (var directory in Directory.EnumerateDirectories(LabRun.RunsRoot))
            {
                var name = Path.GetFileName(directory);
                var id = name.StartsWith(LabRun.StagingPrefix, StringComparison.Ordinal) ? name[LabRun.StagingPrefix.Length..] : name;
                if (RunId().IsMatch(id))
                {
                    ids.Add(id);
                }
            }
        }

        return ids;
    }

    /// <summary>
    /// A staging directory younger than <see cref="PreparationGrace"/>: its owner file may be a moment away.
    /// Older ones without an owner can only be left by a process that died between the two steps.
    /// </summary>
    private static bool IsBeingPrepared(string staging) =>
        Directory.Exists(staging) && DateTime.UtcNow - Directory.GetLastWriteTimeUtc(staging) < PreparationGrace;

    private static readonly TimeSpan PreparationGrace = TimeSpan.FromMinutes(1);

    private static ProcessIdentity? ReadStagingOwner(string staging)
    {
        try
        {
            return ProcessIdentity.Parse(File.ReadAllText(Path.Combine(staging, LabRun.OwnerFileName)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static void DeleteDirectory(string path, List<string> problems)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Already gone (or a concurrent cleaner was first).
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            if (Directory.Exists(path))
            {
                problems.Add($"removing {path}: {e.Message}");
            }
        }
    }

    [GeneratedRegex("^wgl-(?<id>[0-9a-f]{6})-[a-z]+$", RegexOptions.CultureInvariant)]
    private static partial Regex NamespaceName();

    [GeneratedRegex("^[0-9a-f]{6}$", RegexOptions.CultureInvariant)]
    private static partial Regex RunId();
}
