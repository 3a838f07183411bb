using System.Runtime.InteropServices;

namespace WgAgent.Status;

/// <summary>
/// Lowers the nice value of the calling thread (setpriority(2) on its thread id: on Linux a nice value belongs to a
/// thread, and the processes it starts inherit it). For the status refreshes nobody waits for: they start `wg` and
/// `systemctl` and list the table, ~12 ms of CPU twice a second, and at nice 0 on a 2-vCPU host they kept requests off a
/// CPU for a few milliseconds each time (bench/status.sh; BENCHMARKS.md "Status API and agentctl"). Lowering needs no
/// privilege and is allowed by wgagent.service's SystemCallFilter=@system-service (@resources).
/// </summary>
/// <remarks>
/// The one libc call the status code needs; it would sit in WgAgent.Interop.Libc with the others, which this change did
/// not touch.
/// </remarks>
internal static partial class RefreshThreadPriority
{
    /// <summary>The nice value of the background refreshes: the weakest, so that anything at nice 0 runs first. They still
    /// get ~1.5 % of a CPU that nice-0 work keeps busy, which finishes a refresh within a second.</summary>
    public const int Nice = 19;

    private const int PrioProcess = 0;

    /// <summary>Sets the calling thread's nice value to <see cref="Nice"/>.</summary>
    /// <returns>Null when it was set; otherwise why not (the errno's text).</returns>
    public static string? Lower()
    {
        Marshal.SetLastPInvokeError(0);
        return setpriority(PrioProcess, gettid(), Nice) == 0 ? null : Marshal.GetLastPInvokeErrorMessage();
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int setpriority(int which, int who, int prio);

    [LibraryImport("libc")]
    private static partial int gettid();
}
