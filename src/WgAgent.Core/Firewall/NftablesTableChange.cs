using System.Globalization;
using System.Text;

namespace WgAgent.Core.Firewall;

/// <summary>Something the owner of a table must react to by verifying it (and repairing it when it differs).</summary>
/// <param name="Reason">Why this was reported.</param>
/// <param name="Family">The watched table's family, e.g. <c>inet</c>.</param>
/// <param name="Table">The watched table's name, e.g. <c>wgagent</c>.</param>
public sealed record NftablesTableChange(NftablesChangeReason Reason, string Family, string Table)
{
    /// <summary>True when the transaction left the table deleted: its last table-level notification was a
    /// deletion (<c>delete table</c>, <c>destroy table</c>, <c>flush ruleset</c>). A transaction that deletes and
    /// re-creates it (wgagent's own replace) reports false.</summary>
    public bool TableDeleted { get; init; }

    /// <summary>How many of the transaction's notifications named the table (0 unless
    /// <see cref="NftablesChangeReason.Transaction"/>).</summary>
    public int Notifications { get; init; }

    /// <summary>The ruleset generation the transaction committed (NFTA_GEN_ID), when the kernel said.</summary>
    public uint? Generation { get; init; }

    /// <summary>The PID of the process that committed it (NFTA_GEN_PROC_PID), when the kernel said.</summary>
    public uint? ProcessId { get; init; }

    /// <summary>That process's command name (NFTA_GEN_PROC_NAME), e.g. <c>nft</c> or <c>wgagent</c>.</summary>
    public string? ProcessName { get; init; }

    /// <summary>For <see cref="NftablesChangeReason.EventsLost"/>: what went wrong.</summary>
    public string? Detail { get; init; }

    /// <summary>True unless this reports one known transaction: the table may have changed in ways no notification
    /// described, so only reading it back tells its state.</summary>
    public bool EventsMayBeLost => Reason != NftablesChangeReason.Transaction;

    /// <summary>A log line, e.g. <c>table inet wgagent deleted (generation 12, by nft pid 4242)</c>.</summary>
    /// <returns>The line.</returns>
    public override string ToString()
    {
        var name = $"table {Family} {Table}";
        switch (Reason)
        {
            case NftablesChangeReason.Subscribed:
                return $"watching {name}: subscribed to nftables notifications; earlier changes are unknown";
            case NftablesChangeReason.EventsLost:
                return $"watching {name}: nftables notifications may have been lost: {Detail ?? "no detail"}";
        }

        var text = new StringBuilder(name).Append(TableDeleted ? " deleted" : " changed").Append(" (");
        text.Append(CultureInfo.InvariantCulture, $"{Notifications} notification{(Notifications == 1 ? "" : "s")}");
        if (Generation is { } generation)
        {
            text.Append(CultureInfo.InvariantCulture, $", generation {generation}");
        }

        if (ProcessName is not null || ProcessId is not null)
        {
            text.Append(", by ").Append(ProcessName ?? "a process");
            if (ProcessId is { } pid)
            {
                text.Append(CultureInfo.InvariantCulture, $" pid {pid}");
            }
        }

        return text.Append(')').ToString();
    }
}
