using System.Runtime.InteropServices;

namespace WgAgent.Daemon.Bench.Interop;

/// <summary>
/// The few libc calls the observer needs: .NET's <see cref="System.Net.Sockets.Socket"/> refuses AF_NETLINK, and
/// setns(2) and CLOCK_MONOTONIC have no managed API. EINTR is retried here; every failure is one <see cref="LibcException"/>.
/// </summary>
internal static partial class Libc
{
    /// <summary>recv(2) timed out (SO_RCVTIMEO) or would block.</summary>
    public const int EAgain = 11;

    /// <summary>The socket's receive queue overflowed and messages were lost (netlink(7)).</summary>
    public const int ENoBufs = 105;

    private const int EIntr = 4;
    private const int AfNetlink = 16;
    private const int SockRaw = 3;
    private const int SockCloExec = 0x80000;
    private const int NetlinkRoute = 0;
    private const int SolSocket = 1;
    private const int SoRcvBuf = 8;
    private const int SoRcvTimeo = 20;
    private const int CloneNewNet = 0x40000000;
    private const int ClockMonotonic = 1;
    private const int SchedFifo = 1;

    /// <summary>CLOCK_MONOTONIC in nanoseconds: the clock systemd's *TimestampMonotonic and journald's __MONOTONIC_TIMESTAMP use.</summary>
    public static long MonotonicNanoseconds()
    {
        if (clock_gettime(ClockMonotonic, out var now) != 0)
        {
            throw Failure("clock_gettime(CLOCK_MONOTONIC)");
        }

        return (now.Seconds * 1_000_000_000L) + now.Nanoseconds;
    }

    /// <summary>
    /// Opens a NETLINK_ROUTE socket in the network namespace at <paramref name="netnsPath"/>, subscribed to
    /// <paramref name="groups"/> (RTMGRP_* bits), with a receive timeout so a blocked reader can notice a stop.
    /// Switches only the calling thread, and switches it back before returning (a socket keeps the namespace it was
    /// created in, network_namespaces(7)).
    /// </summary>
    public static int OpenRouteNetlink(string netnsPath, uint groups, int receiveBufferBytes, TimeSpan receiveTimeout)
    {
        using var original = File.OpenHandle("/proc/thread-self/ns/net");
        using var target = File.OpenHandle(netnsPath);
        SetNetworkNamespace(target, netnsPath);
        int fd;
        try
        {
            fd = socket(AfNetlink, SockRaw | SockCloExec, NetlinkRoute);
        }
        finally
        {
            SetNetworkNamespace(original, "the original network namespace");
        }

        if (fd < 0)
        {
            throw Failure("socket(AF_NETLINK, NETLINK_ROUTE)");
        }

        try
        {
            var buffer = receiveBufferBytes;
            if (setsockopt(fd, SolSocket, SoRcvBuf, in buffer, sizeof(int)) != 0)
            {
                throw Failure("setsockopt(SO_RCVBUF)");
            }

            var timeout = new Timeval { Seconds = (long)receiveTimeout.TotalSeconds, Microseconds = receiveTimeout.Microseconds + (receiveTimeout.Milliseconds * 1000L) };
            if (setsockopt(fd, SolSocket, SoRcvTimeo, in timeout, Marshal.SizeOf<Timeval>()) != 0)
            {
                throw Failure("setsockopt(SO_RCVTIMEO)");
            }

            var address = new SockaddrNetlink { Family = AfNetlink, Groups = groups };
            if (bind(fd, in address, Marshal.SizeOf<SockaddrNetlink>()) != 0)
            {
                throw Failure($"bind(netlink groups 0x{groups:x})");
            }

            return fd;
        }
        catch
        {
            _ = close(fd);
            throw;
        }
    }

    /// <summary>recv(2) into <paramref name="buffer"/>: the byte count, or -errno for EAGAIN/ENOBUFS (which the caller handles).</summary>
    public static int Receive(int fd, Span<byte> buffer)
    {
        while (true)
        {
            var n = recv(fd, buffer, buffer.Length, 0);
            if (n >= 0)
            {
                return (int)n;
            }

            var errno = Marshal.GetLastPInvokeError();
            switch (errno)
            {
                case EIntr:
                    continue;
                case EAgain or ENoBufs:
                    return -errno;
                default:
                    throw Failure("recv(netlink)");
            }
        }
    }

    /// <summary>
    /// Puts the calling thread under SCHED_FIFO at <paramref name="priority"/> (sched_setscheduler(2) with pid 0 acts on
    /// the calling thread), so that it runs as soon as a message arrives even on a busy machine.
    /// </summary>
    /// <returns>Null on success, else why not (the caller goes on at normal priority).</returns>
    public static string? TryMakeThreadRealtime(int priority)
    {
        var parameter = priority;
        if (sched_setscheduler(0, SchedFifo, in parameter) == 0)
        {
            return null;
        }

        var errno = Marshal.GetLastPInvokeError();
        return $"sched_setscheduler(SCHED_FIFO, {priority}): {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno})";
    }

    /// <summary>close(2); errors are ignored (nothing is left to do with the descriptor).</summary>
    public static void Close(int fd) => _ = close(fd);

    private static void SetNetworkNamespace(SafeHandle fd, string what)
    {
        var added = false;
        fd.DangerousAddRef(ref added);
        try
        {
            if (setns((int)fd.DangerousGetHandle(), CloneNewNet) != 0)
            {
                throw Failure($"setns into {what}");
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

    private static LibcException Failure(string what)
    {
        var errno = Marshal.GetLastPInvokeError();
        return new LibcException($"{what}: {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno})");
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int socket(int domain, int type, int protocol);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int bind(int fd, in SockaddrNetlink address, int addressLength);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int setsockopt(int fd, int level, int name, in int value, int length);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int setsockopt(int fd, int level, int name, in Timeval value, int length);

    [LibraryImport("libc", SetLastError = true)]
    private static partial nint recv(int fd, Span<byte> buffer, nint length, int flags);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int close(int fd);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int setns(int fd, int nstype);

    // struct sched_param is one int (sched_priority).
    [LibraryImport("libc", SetLastError = true)]
    private static partial int sched_setscheduler(int pid, int policy, in int parameter);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int clock_gettime(int clock, out Timespec time);

    /// <summary>struct sockaddr_nl (netlink(7)).</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct SockaddrNetlink
    {
        public ushort Family;
        public ushort Pad;
        public uint PortId;
        public uint Groups;
    }

    /// <summary>struct timeval on x86-64/arm64.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct Timeval
    {
        public long Seconds;
        public long Microseconds;
    }

    /// <summary>struct timespec on x86-64/arm64.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
