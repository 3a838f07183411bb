using System.Globalization;

namespace WgAgent.Status.Bench.Node;

/// <summary>One reading of a process's CPU (clock ticks, 10 ms) and memory from /proc/PID/stat and /proc/PID/status.</summary>
/// <param name="Ticks">utime + stime of the process (all its threads, exited ones included).</param>
/// <param name="SystemTicks">stime alone: the kernel's share (system calls).</param>
/// <param name="ChildTicks">cutime + cstime: children it has waited for (the daemon's `wg` and `systemctl`).</param>
/// <param name="RssKiB">VmRSS.</param>
/// <param name="HwmKiB">VmHWM, the peak RSS since start.</param>
/// <param name="Threads">Threads.</param>
internal sealed record ProcStat(long Ticks, long SystemTicks, long ChildTicks, long RssKiB, long HwmKiB, int Threads)
{
    /// <summary>Length of a clock tick (USER_HZ is 100 on Linux x86-64).</summary>
    public const double TickMs = 10.0;

    /// <summary>Reads <paramref name="pid"/> now.</summary>
    public static ProcStat Read(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        // Fields after "(comm) ": state is field 3, utime 14, stime 15, cutime 16, cstime 17 (proc(5)).
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        long Field(int number) => long.Parse(fields[number - 3], CultureInfo.InvariantCulture);
        var status = File.ReadAllLines($"/proc/{pid}/status");
        long Kib(string name) => status.Where(l => l.StartsWith(name + ":", StringComparison.Ordinal))
            .Select(l => long.Parse(l.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture)).FirstOrDefault();
        return new ProcStat(Field(14) + Field(15), Field(15), Field(16) + Field(17), Kib("VmRSS"), Kib("VmHWM"), (int)Kib("Threads"));
    }

    /// <summary>
    /// The host PID of the process that is <paramref name="insidePid"/> in the PID namespace of <paramref name="leaderPid"/>
    /// (NSpid in /proc/PID/status lists a process's PID in each namespace, outermost first).
    /// </summary>
    public static int? HostPidOf(int leaderPid, int insidePid)
    {
        var ns = ReadLink($"/proc/{leaderPid}/ns/pid");
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                var nspid = File.ReadLines(Path.Combine(dir, "status")).FirstOrDefault(l => l.StartsWith("NSpid:", StringComparison.Ordinal));
                var ids = nspid?.Split(['\t', ' '], StringSplitOptions.RemoveEmptyEntries) ?? [];
                if (ids.Length >= 3 && ids[^1] == insidePid.ToString(CultureInfo.InvariantCulture) && ReadLink(Path.Combine(dir, "ns", "pid")) == ns)
                {
                    return pid;
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Gone meanwhile.
            }
        }

        return null;
    }

    private static string? ReadLink(string path) => new FileInfo(path).LinkTarget;
}
