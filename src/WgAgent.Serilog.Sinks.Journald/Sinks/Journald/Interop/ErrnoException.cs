using System.Runtime.InteropServices;

namespace Serilog.Sinks.Journald.Interop;

/// <summary>A libc call failed; the message reads "doing: strerror (errno N)".</summary>
internal sealed class ErrnoException : IOException
{
    private ErrnoException(string message, int errno)
        : base(message) => Errno = errno;

    /// <summary>The errno value.</summary>
    public int Errno { get; }

    /// <summary>The exception for the calling thread's last P/Invoke errno.</summary>
    /// <param name="doing">What was being done, e.g. "sealing the memfd".</param>
    public static ErrnoException FromLastError(string doing)
    {
        var errno = Marshal.GetLastPInvokeError();
        return new ErrnoException($"{doing}: {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno})", errno);
    }
}
