using System.Globalization;

namespace WgAgent.Hosting.Systemd;

/// <summary>Helper methods for systemd services.</summary>
public static class SystemdHelpers
{
    private static readonly Lazy<bool> IsService = new(() => IsChildOfSystemd(Environment.ProcessId, ReadProcFile));

    /// <summary>
    /// Whether this process was started by systemd as a service: its parent is a systemd manager (PID 1
    /// or a user manager, both named "systemd" in /proc/PID/comm). A process that is itself PID 1 (e.g. a
    /// container's init) is not. Computed once.
    /// </summary>
    public static bool IsSystemdService() => IsService.Value;

    /// <summary>The decision behind <see cref="IsSystemdService"/>, with /proc reads injectable for tests.</summary>
    /// <param name="processId">The process to judge.</param>
    /// <param name="readProcFile">Reads a /proc file (path relative to /proc), null if it cannot.</param>
    internal static bool IsChildOfSystemd(int processId, Func<string, string?> readProcFile)
    {
        if (processId == 1)
        {
            return false;
        }

        // proc(5): /proc/PID/stat is "pid (comm) state ppid …"; comm may hold spaces and ')', so
        // split after the last ')'.
        var stat = readProcFile($"{processId.ToString(CultureInfo.InvariantCulture)}/stat");
        var close = stat?.LastIndexOf(')') ?? -1;
        if (close < 0)
        {
            return false;
        }

        var fields = stat![(close + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 2 || !int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var parent) || parent <= 0)
        {
            return false;
        }

        return readProcFile($"{parent.ToString(CultureInfo.InvariantCulture)}/comm")?.TrimEnd('\n') == "systemd";
    }

    private static string? ReadProcFile(string relativePath)
    {
        try
        {
            return File.ReadAllText(Path.Combine("/proc", relativePath));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // hidepid= or ProtectProc=invisible can hide the parent: then we cannot tell, so "no".
            return null;
        }
    }
}
