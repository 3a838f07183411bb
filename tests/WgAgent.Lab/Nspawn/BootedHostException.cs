namespace WgAgent.Lab.Nspawn;

/// <summary>
/// A booted host failed to start, stop or answer. The message carries what is needed to see why
/// without rerunning: the tail of the container console and, where reachable, systemd's failed units.
/// </summary>
public sealed class BootedHostException : Exception
{
    /// <summary>Creates an exception with a message.</summary>
    public BootedHostException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    public BootedHostException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>True if the container ran but systemd did not report the boot finished in time.</summary>
    public bool BootTimedOut { get; internal set; }

    /// <summary>Creates an exception with no message (for serializers and analyzers).</summary>
    public BootedHostException()
    {
    }
}
