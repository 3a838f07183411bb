namespace WgAgent.Daemon.Bench.Idle;

/// <summary>One reading of a service's CPU time.</summary>
/// <param name="AtNs">CLOCK_MONOTONIC of the reading (midpoint of the command that read it).</param>
/// <param name="UserTicks">utime of the main process (/proc/PID/stat, clock ticks).</param>
/// <param name="SystemTicks">stime.</param>
/// <param name="ChildrenTicks">cutime + cstime: waited-for children (nft, systemctl, ...).</param>
/// <param name="CgroupUsageMicroseconds">usage_usec of the unit's cgroup cpu.stat: every process of the unit, µs resolution.</param>
/// <param name="ThreadRuntimeNs">
/// Per thread ("TID COMM" → ns) of the main process: the first field of /proc/PID/task/TID/schedstat, the scheduler's
/// sum_exec_runtime. Nanosecond resolution and the process's own, whatever shares its cgroup; a thread that exits within a
/// window takes its time with it (the report counts such threads).
/// </param>
internal sealed record CpuSample(long AtNs, long UserTicks, long SystemTicks, long ChildrenTicks, long CgroupUsageMicroseconds,
    IReadOnlyDictionary<string, long> ThreadRuntimeNs);
