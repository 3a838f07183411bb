namespace WgAgent.Firewall;

/// <summary>The nftables monitor gave up: its socket kept failing. The message reads as a chain of causes.</summary>
public sealed class NftablesMonitorException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">E.g. <c>watching table inet wgagent: nftables notifications failed 5 times in a row;
    /// last: opening a NETLINK_NETFILTER socket: ...</c>.</param>
    /// <param name="innerException">The last failure.</param>
    public NftablesMonitorException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
