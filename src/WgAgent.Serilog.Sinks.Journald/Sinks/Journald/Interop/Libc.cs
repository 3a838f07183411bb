using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Serilog.Sinks.Journald.Interop;

/// <summary>
/// The libc calls .NET has no managed API for, all for the journal's large-entry path
/// (JOURNAL_NATIVE_PROTOCOL.md: an entry too big for a datagram goes as a sealed memfd passed with
/// SCM_RIGHTS in an otherwise empty datagram). EINTR is retried; any other error is an <see cref="ErrnoException"/>.
/// Struct layouts are those of LP64 Linux (x86-64 and arm64, the architectures wgagent ships for).
/// </summary>
internal static unsafe partial class Libc
{
    private const uint MfdCloexec = 0x1; // memfd_create(2)
    private const uint MfdAllowSealing = 0x2;
    private const int FAddSeals = 1033; // fcntl(2), file sealing
    private const int FSealSeal = 0x1;
    private const int FSealShrink = 0x2;
    private const int FSealGrow = 0x4;
    private const int FSealWrite = 0x8;
    private const int SolSocket = 1; // socket(7)
    private const int ScmRights = 1; // unix(7)
    private const int MsgNoSignal = 0x4000; // send(2): EPIPE instead of SIGPIPE
    private const int EIntr = 4;

    /// <summary>
    /// A memfd holding <paramref name="content"/>, fully sealed (no write, grow, shrink or further seals), as
    /// journald expects: sealing proves the sender can no longer change what journald reads.
    /// </summary>
    /// <param name="name">The name shown in /proc/PID/fd (debugging only).</param>
    /// <param name="content">The bytes.</param>
    /// <exception cref="IOException">memfd_create, the write or the sealing failed.</exception>
    public static SafeFileHandle CreateSealedMemfd(string name, ReadOnlySpan<byte> content)
    {
        var fd = memfd_create(name, MfdCloexec | MfdAllowSealing);
        if (fd < 0)
        {
            throw ErrnoException.FromLastError("memfd_create");
        }

        var handle = new SafeFileHandle(fd, ownsHandle: true);
        try
        {
            RandomAccess.Write(handle, content, fileOffset: 0);
            int rc;
            do
            {
                // fcntl is variadic; an int third argument is passed like a fixed one on x86-64 and arm64 Linux.
                rc = fcntl(fd, FAddSeals, FSealSeal | FSealShrink | FSealGrow | FSealWrite);
            }
            while (rc < 0 && Marshal.GetLastPInvokeError() == EIntr);

            if (rc < 0)
            {
                throw ErrnoException.FromLastError("sealing the memfd");
            }

            return handle;
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>Sends an empty datagram carrying <paramref name="fileDescriptor"/> (SCM_RIGHTS) on a connected socket.</summary>
    /// <param name="socket">A connected AF_UNIX datagram socket.</param>
    /// <param name="fileDescriptor">The descriptor to pass.</param>
    /// <exception cref="IOException">sendmsg failed (ETIMEDOUT/EAGAIN when the send timeout ran out).</exception>
    public static void SendFileDescriptor(SafeHandle socket, SafeHandle fileDescriptor)
    {
        bool socketRef = false, fdRef = false;
        try
        {
            socket.DangerousAddRef(ref socketRef);
            fileDescriptor.DangerousAddRef(ref fdRef);

            // cmsg(3): one cmsghdr { size_t len; int level; int type; } and the int, padded to size_t:
            // CMSG_LEN(sizeof(int)) = header + 4, CMSG_SPACE(sizeof(int)) = header + 8 on LP64.
            var control = stackalloc nuint[3];
            new Span<nuint>(control, 3).Clear();
            var header = (CMsgHdr*)control;
            header->Length = (nuint)(sizeof(CMsgHdr) + sizeof(int));
            header->Level = SolSocket;
            header->Type = ScmRights;
            *(int*)((byte*)control + sizeof(CMsgHdr)) = (int)fileDescriptor.DangerousGetHandle();

            // No iovec: the protocol wants a datagram with the descriptor and no payload.
            var message = new MsgHdr { Control = control, ControlLength = (nuint)(3 * sizeof(nuint)) };
            nint sent;
            do
            {
                sent = sendmsg((int)socket.DangerousGetHandle(), &message, MsgNoSignal);
            }
            while (sent < 0 && Marshal.GetLastPInvokeError() == EIntr);

            if (sent < 0)
            {
                throw ErrnoException.FromLastError("sending the memfd");
            }
        }
        finally
        {
            if (fdRef)
            {
                fileDescriptor.DangerousRelease();
            }

            if (socketRef)
            {
                socket.DangerousRelease();
            }
        }
    }

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int memfd_create(string name, uint flags);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int fcntl(int fd, int cmd, int arg);

    [LibraryImport("libc", SetLastError = true)]
    private static partial nint sendmsg(int sockfd, MsgHdr* msg, int flags);

    // struct msghdr (sendmsg(2)); sequential layout pads like C.
    [StructLayout(LayoutKind.Sequential)]
    private struct MsgHdr
    {
        public void* Name;
        public uint NameLength;
        public void* Iov;
        public nuint IovLength;
        public void* Control;
        public nuint ControlLength;
        public int Flags;
    }

    // struct cmsghdr (cmsg(3)).
    [StructLayout(LayoutKind.Sequential)]
    private struct CMsgHdr
    {
        public nuint Length;
        public int Level;
        public int Type;
    }
}
