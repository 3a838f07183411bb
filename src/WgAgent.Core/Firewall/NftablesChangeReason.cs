namespace WgAgent.Core.Firewall;

/// <summary>Why an <see cref="NftablesTableChange"/> was reported.</summary>
public enum NftablesChangeReason
{
    /// <summary>The monitor (re)joined the nftables notification group: whatever happened before is unknown, so the
    /// table should be verified once. Reported at start and after every reopen of the socket.</summary>
    Subscribed,

    /// <summary>A committed transaction (ended by NFT_MSG_NEWGEN) changed or deleted the table.</summary>
    Transaction,

    /// <summary>Notifications may have been lost: the socket's queue overflowed (ENOBUFS), a datagram was truncated or
    /// a message did not parse. The table may have changed without the monitor knowing.</summary>
    EventsLost,
}
