using System.Runtime.InteropServices;

namespace WgAgent.Interop;

/// <summary>The libc calls wgagent needs that .NET has no managed API for; errno becomes one exception type.</summary>
internal static partial class Libc
{
    /// <summary>setns(2) nstype for a network namespace.</summary>
    public const int CloneNewNet = 0x40000000;

    private const int ORdOnly = 0;
    private const int ODirectory = 0x10000;
    private const int OCloExec = 0x80000;
    private const int EIntr = 4;

    /// <summary>
    /// Makes a rename inside <paramref name="directory"/> durable: rename(2) changes the directory, and only an
    /// fsync(2) of the directory itself guarantees the new entry survives a power cut (fsync(2), NOTES).
    /// </summary>
    /// <param name="directory">The directory.</param>
    /// <exception cref="IOException">open or fsync failed.</exception>
    public static void FsyncDirectory(string directory)
    {
        int fd;
        do
        {
            fd = open(directory, ORdOnly | ODirectory | OCloExec, 0);
        }
        while (fd < 0 && Marshal.GetLastPInvokeError() == EIntr);

        if (fd < 0)
        {
            throw Error($"opening {directory}");
        }

        try
        {
            int rc;
            do
            {
                rc = fsync(fd);
            }
            while (rc != 0 && Marshal.GetLastPInvokeError() == EIntr);

            if (rc != 0)
            {
                throw Error($"syncing {directory}");
            }
        }
        finally
        {
            _ = close(fd);
        }
    }

    /// <summary>Moves the calling thread (only) into the network namespace behind <paramref name="fd"/>.</summary>
    /// <param name="fd">An open namespace file, e.g. /run/netns/NAME.</param>
    /// <param name="what">For the error message.</param>
    /// <exception cref="IOException">setns failed.</exception>
    public static void SetNetworkNamespace(SafeHandle fd, string what)
    {
        var added = false;
        fd.DangerousAddRef(ref added);
        try
        {
            if (setns((int)fd.DangerousGetHandle(), CloneNewNet) != 0)
            {
                throw Error($"entering the network namespace {what}");
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

    private static IOException Error(string doing)
    {
        var errno = Marshal.GetLastPInvokeError();
        return new IOException($"{doing}: {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno})");
    }

    // open(2) is variadic; the mode is passed explicitly, which the x86-64 and AArch64 Linux ABIs treat alike.
    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int open(string path, int flags, int mode);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int fsync(int fd);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int close(int fd);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int setns(int fd, int nstype);
}
