using System.Runtime.InteropServices;

namespace WgAgent.Lab.Netns;

/// <summary>The few libc calls the lab needs that .NET has no managed API for.</summary>
internal static partial class Libc
{
    /// <summary>setns(2) nstype for a network namespace.</summary>
    public const int CloneNewNet = 0x40000000;

    /// <summary>Moves the calling thread into the namespace behind <paramref name="fd"/>; throws on failure.</summary>
    /// <remarks>
    /// setns(2) with CLONE_NEWNET is per thread and allowed in a multi-threaded process (unlike CLONE_NEWNS),
    /// which is why only the network namespace is switched in-process and mount namespaces go via nsenter.
    /// </remarks>
    public static void SetNamespace(SafeHandle fd, int nsType, string what)
    {
        var added = false;
        fd.DangerousAddRef(ref added);
        try
        {
            if (setns((int)fd.DangerousGetHandle(), nsType) != 0)
            {
                var errno = Marshal.GetLastPInvokeError();
                throw new LabException($"setns into {what}: {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno})");
            }
        }
        finally
        {
            if (added)
            {
                fd.DangerousRelease();
            }
        }
    }

    /// <summary>SIGKILL.</summary>
    public const int SigKill = 9;

    /// <summary>Sends a signal; a process that is already gone (ESRCH) is not an error.</summary>
    public static void Kill(int pid, int signal)
    {
        // pid <= 0 would signal process groups or everyone: never.
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pid);
        _ = kill(pid, signal);
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int setns(int fd, int nstype);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int kill(int pid, int sig);
}
