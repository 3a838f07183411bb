using System.Globalization;
using WgAgent.Lab.Runs;

namespace WgAgent.Lab.Nspawn;

/// <summary>What the booted-host fixture needs beyond <see cref="ProcessIdentity"/>: children, SIGKILL, bounded waits.</summary>
internal static class ProcessTools
{
    /// <summary>PIDs of the direct children of <paramref name="parentPid"/> (scans /proc).</summary>
    public static IReadOnlyList<int> ChildrenOf(int parentPid)
    {
        var parent = parentPid.ToString(CultureInfo.InvariantCulture);
        var children = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && StatFields(pid) is { Length: > 1 } fields
                && fields[1] == parent)
            {
                children.Add(pid);
            }
        }

        return children;
    }

    /// <summary>
    /// True if <paramref name="pid"/> is PID 1 of a PID namespace below ours: the last NSpid field of its
    /// /proc status (its PID in the innermost namespace) is 1 and there is more than one field.
    /// </summary>
    public static bool IsNamespaceInit(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/status")
                .FirstOrDefault(l => l.StartsWith("NSpid:", StringComparison.Ordinal));
            var fields = line?["NSpid:".Length..].Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries) ?? [];
            return fields.Length > 1 && fields[^1] == "1";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false; // gone meanwhile
        }
    }

    /// <summary>True while this very process exists and is not a zombie (a zombie has done all it will do).</summary>
    public static bool IsRunning(ProcessIdentity process) =>
        process.IsAlive && StatFields(process.Pid) is [var state, ..] && state != "Z";

    /// <summary>Sends SIGKILL if this very process (PID and start time) still exists.</summary>
    public static void Kill(ProcessIdentity process)
    {
        if (!IsRunning(process))
        {
            return;
        }

        try
        {
            using var target = System.Diagnostics.Process.GetProcessById(process.Pid);
            target.Kill();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            // Exited between the check and the kill: the goal is reached.
        }
    }

    /// <summary>Waits, bounded, until the process is gone; true if it is.</summary>
    public static async Task<bool> WaitForExitAsync(ProcessIdentity process, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (IsRunning(process))
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(50).ConfigureAwait(false);
        }

        return true;
    }

    // Fields after "(comm)": index 0 is the state (field 3), 1 the parent PID (field 4). comm may hold
    // spaces and parentheses, hence the split at the last ')' (proc(5)).
    private static string[]? StatFields(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            return text[(text.LastIndexOf(')') + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
