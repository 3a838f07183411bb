namespace WgAgent.Tunnel;

/// <summary>The watcher gave up: route netlink kept failing. The message reads as a chain of causes.</summary>
public sealed class TunnelWatchException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">E.g. <c>watching wg0: 5 failures in a row; last: receiving from route netlink: ...</c>.</param>
    /// <param name="innerException">The last failure.</param>
    public TunnelWatchException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
