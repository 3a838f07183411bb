using System.Globalization;

namespace WgAgent.Lab.Runs;

/// <summary>A process named by PID and start time, so a reused PID is not mistaken for the original owner.</summary>
/// <param name="Pid">The process id.</param>
/// <param name="StartTicks">Field 22 of /proc/PID/stat (start time in clock ticks since boot).</param>
public sealed record ProcessIdentity(int Pid, long StartTicks)
{
    /// <summary>The identity of the current process.</summary>
    public static ProcessIdentity Current => Of(Environment.ProcessId)
        ?? throw new LabException("cannot read /proc/self/stat");

    /// <summary>The identity of a running process, or null when it does not exist.</summary>
    public static ProcessIdentity? Of(int pid)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        // comm (field 2) may contain spaces and parentheses: fields are counted after the last ')' (proc(5)).
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return new ProcessIdentity(pid, long.Parse(fields[19], CultureInfo.InvariantCulture));
    }

    /// <summary>True when this exact process (same PID and start time) still exists.</summary>
    public bool IsAlive => Of(Pid) is { } now && now.StartTicks == StartTicks;

    /// <summary>Parses "PID STARTTICKS" (the owner file format); null when malformed.</summary>
    public static ProcessIdentity? Parse(string text)
    {
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            ? new ProcessIdentity(pid, ticks)
            : null;
    }

    /// <summary>"PID STARTTICKS".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Pid} {StartTicks}");
}
