using System.Globalization;
using WgAgent.Lab.Processes;

namespace WgAgent.Lab.Netns;

/// <summary>Removes a lab network namespace: first every process still in it (all started by the lab), then the name.</summary>
public static class NamespaceReaper
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>The names in /run/netns (what `ip netns list` shows), or empty when none exist.</summary>
    public static IReadOnlyList<string> List()
    {
        const string directory = "/run/netns";
        return Directory.Exists(directory)
            ? [.. Directory.EnumerateFiles(directory).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)]
            : [];
    }

    /// <summary>PIDs of the processes in a named namespace (<c>ip netns pids</c>).</summary>
    public static async Task<IReadOnlyList<int>> PidsAsync(string name)
    {
        var result = await CommandRunner.RunAsync(["ip", "netns", "pids", name], Timeout).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            return [];
        }

        return [.. result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => int.Parse(p, NumberStyles.None, CultureInfo.InvariantCulture))];
    }

    /// <summary>
    /// SIGKILLs what is left in the namespace, waits (bounded) until it is empty, then `ip netns del`.
    /// A namespace that is already gone is not an error.
    /// </summary>
    /// <returns>Problems met, empty when the namespace is gone.</returns>
    public static async Task<IReadOnlyList<string>> RemoveAsync(string name)
    {
        var problems = new List<string>();
        if (!File.Exists($"/run/netns/{name}"))
        {
            return problems;
        }

        var deadline = DateTime.UtcNow + Timeout;
        IReadOnlyList<int> pids;
        while ((pids = await PidsAsync(name).ConfigureAwait(false)).Count > 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                problems.Add($"{name}: processes {string.Join(", ", pids)} still running after SIGKILL");
                break;
            }

            foreach (var pid in pids)
            {
                // Everything in a lab namespace was started by the lab (or by a test through it).
                Libc.Kill(pid, Libc.SigKill);
            }

            await Task.Delay(20).ConfigureAwait(false);
        }

        var delete = await CommandRunner.RunAsync(["ip", "netns", "del", name], Timeout).ConfigureAwait(false);
        if (!delete.Succeeded && File.Exists($"/run/netns/{name}"))
        {
            problems.Add(delete.Describe());
        }

        return problems;
    }
}
