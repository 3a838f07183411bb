using WgAgent.Core.Firewall;

namespace WgAgent.Firewall;

/// <summary>
/// Notices within milliseconds when a table (by default <c>table inet wgagent</c>) is changed or deleted by anyone
/// (<c>nft flush ruleset</c>, <c>systemctl restart nftables</c>, <c>nft delete table</c>, a rule added by hand), from
/// the kernel's own notifications, without polling: the NETLINK_NETFILTER group NFNLGRP_NFTABLES that
/// <c>nft monitor</c> reads. The owner answers each report by verifying the table and repairing it.
/// </summary>
/// <remarks>
/// One loop (<see cref="RunAsync"/>) owns the socket and an <see cref="NftablesTableWatch"/>; the counters may be
/// read from any thread. wgagent's own repair transactions are reported too; verifying after them finds the table
/// in place and commits nothing, so there is no loop. Needs CAP_NET_ADMIN, like nft itself.
/// </remarks>
public sealed partial class NftablesMonitor
{
    private readonly NftablesMonitorOptions options;
    private long notifications;
    private long transactions;
    private long tableChanges;
    private long overruns;
    private long malformed;
    private long reopens;
    private string? lastFailure;
    private int subscribed;
    private int running;

    /// <summary>Creates a monitor; nothing happens until <see cref="RunAsync"/>.</summary>
    /// <param name="family">The watched table's family, as nft names it.</param>
    /// <param name="table">The watched table's name.</param>
    /// <param name="options">Settings; null for the defaults.</param>
    /// <exception cref="ArgumentException">An unknown family or an empty name.</exception>
    public NftablesMonitor(string family = NftRuleset.Family, string table = NftRuleset.TableName,
        NftablesMonitorOptions? options = null)
    {
        // Validates both now, so a typo fails at construction rather than in the background loop.
        _ = new NftablesTableWatch(family, table);
        Family = family;
        Table = table;
        this.options = options ?? new NftablesMonitorOptions();
    }

    /// <summary>The watched table's family, e.g. <c>inet</c>.</summary>
    public string Family { get; }

    /// <summary>The watched table's name, e.g. <c>wgagent</c>.</summary>
    public string Table { get; }

    /// <summary>True while the socket is open and joined: changes are being noticed.</summary>
    public bool IsSubscribed => Volatile.Read(ref subscribed) != 0;

    /// <summary>nf_tables notifications received, for any table (the generation markers included).</summary>
    public long Notifications => Interlocked.Read(ref notifications);

    /// <summary>Committed transactions seen (NFT_MSG_NEWGEN), for any table.</summary>
    public long Transactions => Interlocked.Read(ref transactions);

    /// <summary>Transactions that touched the watched table (reported as <see cref="NftablesChangeReason.Transaction"/>).</summary>
    public long TableChanges => Interlocked.Read(ref tableChanges);

    /// <summary>How many times notifications were dropped because the socket's queue was full (ENOBUFS) or a datagram
    /// did not fit the buffer; each was reported as <see cref="NftablesChangeReason.EventsLost"/>.</summary>
    public long Overruns => Interlocked.Read(ref overruns);

    /// <summary>Notifications that did not parse (also reported as <see cref="NftablesChangeReason.EventsLost"/>).</summary>
    public long Malformed => Interlocked.Read(ref malformed);

    /// <summary>How many times the socket was reopened after a failure.</summary>
    public long Reopens => Interlocked.Read(ref reopens);

    /// <summary>The last failure that made the monitor reopen its socket; null when there was none.</summary>
    public string? LastFailure => Volatile.Read(ref lastFailure);
}
