namespace WgAgent.Core.Firewall;

/// <summary>
/// Folds nf_tables notifications into one <see cref="NftablesTableChange"/> per committed transaction that touched
/// one table. Pure and single-threaded: the monitor feeds it every parsed event in order.
/// </summary>
/// <remarks>
/// The kernel sends a transaction's notifications in order and ends the transaction with NFT_MSG_NEWGEN
/// (nf_tables_commit → nf_tables_gen_notify); a transaction may span several datagrams. Only NEWGEN reports, so a
/// batch that deletes and re-creates the table yields one change. Notifications for other tables (another name, or
/// the same name in another family) never report. A notification that names no table at all is counted as the
/// watched table's: the kernel always names it, so such a message is unexplained, and a needless verification is
/// cheap where a missed change is not.
/// </remarks>
public sealed class NftablesTableWatch
{
    private readonly byte family;
    private int notifications;
    private bool deleted;

    /// <summary>Creates the watch.</summary>
    /// <param name="family">The table's family as nft names it, e.g. <c>inet</c>.</param>
    /// <param name="table">The table's name, e.g. <c>wgagent</c>.</param>
    /// <exception cref="ArgumentException">An unknown family or an empty name.</exception>
    public NftablesTableWatch(string family, string table)
    {
        this.family = NftablesFamily.Parse(family);
        ArgumentException.ThrowIfNullOrEmpty(table);
        Family = family;
        Table = table;
    }

    /// <summary>The watched table's family, e.g. <c>inet</c>.</summary>
    public string Family { get; }

    /// <summary>The watched table's name.</summary>
    public string Table { get; }

    /// <summary>True while notifications for the table have been seen but their transaction has not ended yet.</summary>
    public bool HasPending => notifications > 0;

    /// <summary>Takes the next event.</summary>
    /// <param name="event">An event, in the order received.</param>
    /// <returns>A change when this event ended a transaction that touched the table, or was malformed; else null.</returns>
    public NftablesTableChange? Observe(NftablesEvent @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        switch (@event.Kind)
        {
            case NftablesEventKind.Malformed:
                return Lost($"unreadable notification: {@event.Problem}");
            case NftablesEventKind.NewGeneration:
                var change = notifications == 0 ? null : new NftablesTableChange(NftablesChangeReason.Transaction, Family, Table)
                {
                    TableDeleted = deleted,
                    Notifications = notifications,
                    Generation = @event.Generation,
                    ProcessId = @event.ProcessId,
                    ProcessName = @event.ProcessName,
                };
                Reset();
                return change;
        }

        if (@event.Table is not null && (@event.Family != family || !string.Equals(@event.Table, Table, StringComparison.Ordinal)))
        {
            return null;
        }

        notifications++;
        if (@event.Kind == NftablesEventKind.DeleteTable)
        {
            deleted = true;
        }
        else if (@event.Kind == NftablesEventKind.NewTable)
        {
            deleted = false;
        }

        return null;
    }

    /// <summary>Reports that notifications may have been lost and forgets the unfinished transaction (its NEWGEN may
    /// be among the lost).</summary>
    /// <param name="detail">What happened, e.g. <c>the receive queue overflowed (ENOBUFS)</c>.</param>
    /// <returns>The change to report.</returns>
    public NftablesTableChange Lost(string detail)
    {
        Reset();
        return new NftablesTableChange(NftablesChangeReason.EventsLost, Family, Table) { Detail = detail };
    }

    /// <summary>Reports a fresh subscription and forgets any unfinished transaction.</summary>
    /// <returns>The change to report.</returns>
    public NftablesTableChange Subscribed()
    {
        Reset();
        return new NftablesTableChange(NftablesChangeReason.Subscribed, Family, Table);
    }

    private void Reset()
    {
        notifications = 0;
        deleted = false;
    }
}
