using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace WgAgent.Serilog.Sinks.Journald.Tests;

/// <summary>Test-only interop: receive a datagram with an SCM_RIGHTS descriptor, read the memfd and its seals.</summary>
public static unsafe partial class TestLibc
{
    public const int AllSeals = 0x1 | 0x2 | 0x4 | 0x8; // F_SEAL_SEAL | SHRINK | GROW | WRITE
    private const int FGetSeals = 1034;
    private const int SolSocket = 1;
    private const int ScmRights = 1;
    private const int MsgCmsgCloexec = 0x40000000;

    public static JournalDatagramReceived ReceiveWithDescriptor(SafeHandle socket, int maxPayload)
    {
        var payload = new byte[maxPayload];
        var control = stackalloc nuint[8];
        nint received;
        int flags;
        fixed (byte* data = payload)
        {
            var iov = new IoVec { Base = data, Length = (nuint)payload.Length };
            var message = new MsgHdr { Iov = &iov, IovLength = 1, Control = control, ControlLength = (nuint)(8 * sizeof(nuint)) };
            received = recvmsg((int)socket.DangerousGetHandle(), &message, MsgCmsgCloexec);
            flags = message.Flags;
            if (received < 0)
            {
                throw new IOException($"recvmsg: errno {Marshal.GetLastPInvokeError()}");
            }

            Assert.Equal(0, flags & 0x20); // MSG_TRUNC: the test buffer was too small
            var header = (CMsgHdr*)control;
            if (message.ControlLength == 0 || header->Level != SolSocket || header->Type != ScmRights)
            {
                return new JournalDatagramReceived(payload[..(int)received], null);
            }

            var fd = *(int*)((byte*)control + sizeof(CMsgHdr));
            Assert.Equal((nuint)(sizeof(CMsgHdr) + sizeof(int)), header->Length); // exactly one descriptor
            using var handle = new SafeFileHandle(fd, ownsHandle: true);
            var seals = fcntl(fd, FGetSeals, 0);
            var content = new byte[RandomAccess.GetLength(handle)];
            var read = RandomAccess.Read(handle, content, 0);
            Assert.Equal(content.Length, read);
            return new JournalDatagramReceived(payload[..(int)received], new ReceivedMemfd(content, seals));
        }
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial nint recvmsg(int sockfd, MsgHdr* msg, int flags);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int fcntl(int fd, int cmd, int arg);

    [StructLayout(LayoutKind.Sequential)]
    private struct IoVec
    {
        public byte* Base;
        public nuint Length;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct MsgHdr
    {
        public void* Name;
        public uint NameLength;
        public IoVec* Iov;
        public nuint IovLength;
        public void* Control;
        public nuint ControlLength;
        public int Flags;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct CMsgHdr
    {
        public nuint Length;
        public int Level;
        public int Type;
    }
}
