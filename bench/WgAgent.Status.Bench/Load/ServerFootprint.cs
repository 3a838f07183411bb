namespace WgAgent.Status.Bench.Load;

/// <summary>A server process during a measured window (from /proc; see Node.ProcStat).</summary>
/// <param name="CpuPercent">utime + stime over the window, % of one CPU.</param>
/// <param name="SystemCpuPercent">Of <paramref name="CpuPercent"/>, the part in the kernel (stime).</param>
/// <param name="ChildCpuPercent">CPU of children it waited for meanwhile (the daemon's `wg show dump` and `systemctl show`).</param>
/// <param name="RssBeforeMiB">VmRSS at the window's start.</param>
/// <param name="RssMaxMiB">Highest VmRSS sampled (every 250 ms) in the window.</param>
/// <param name="RssAfterMiB">VmRSS at the window's end.</param>
/// <param name="HwmMiB">VmHWM (peak RSS since the process started) at the end.</param>
/// <param name="ThreadsMax">Most threads sampled.</param>
internal sealed record ServerFootprint(double CpuPercent, double SystemCpuPercent, double ChildCpuPercent, double RssBeforeMiB, double RssMaxMiB, double RssAfterMiB, double HwmMiB,
    int ThreadsMax);
