using System.Runtime.InteropServices;

namespace WgAgent.Status.Tests.Support;

/// <summary>Raises this process's RLIMIT_NOFILE soft limit (never above the hard limit) for the many-connection tests:
/// each connection is two descriptors here, the client's and the server's.</summary>
internal static partial class FileLimit
{
    private const int RlimitNoFile = 7;

    public static ulong EnsureAtLeast(ulong wanted)
    {
        if (getrlimit(RlimitNoFile, out var limit) != 0)
        {
            throw new InvalidOperationException($"getrlimit: errno {Marshal.GetLastPInvokeError()}");
        }

        if (limit.Current >= wanted)
        {
            return limit.Current;
        }

        limit.Current = Math.Min(wanted, limit.Maximum);
        if (setrlimit(RlimitNoFile, in limit) != 0)
        {
            throw new InvalidOperationException($"setrlimit: errno {Marshal.GetLastPInvokeError()}");
        }

        return limit.Current;
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int getrlimit(int resource, out Rlimit limit);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int setrlimit(int resource, in Rlimit limit);

    [StructLayout(LayoutKind.Sequential)]
    private struct Rlimit
    {
        public ulong Current;
        public ulong Maximum;
    }
}
