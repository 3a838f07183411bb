namespace WgAgent.Core.Firewall;

/// <summary>One nf_tables notification, parsed by <see cref="NftablesEventParser"/>.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Family">nfgen_family: the table's family (<see cref="NftablesFamily"/>); 0 for
/// <see cref="NftablesEventKind.NewGeneration"/> and <see cref="NftablesEventKind.Malformed"/>.</param>
/// <param name="Table">The table's name; null when the message carries none (generations, malformed messages).</param>
public sealed record NftablesEvent(NftablesEventKind Kind, byte Family, string? Table)
{
    /// <summary>The raw NFT_MSG_* number (nlmsg_type &amp; 0xff), for logs.</summary>
    public byte MessageType { get; init; }

    /// <summary>For <see cref="NftablesEventKind.NewGeneration"/>: NFTA_GEN_ID, the ruleset generation after the commit.</summary>
    public uint? Generation { get; init; }

    /// <summary>For <see cref="NftablesEventKind.NewGeneration"/>: NFTA_GEN_PROC_PID, the process that committed
    /// (its PID in the initial PID namespace).</summary>
    public uint? ProcessId { get; init; }

    /// <summary>For <see cref="NftablesEventKind.NewGeneration"/>: NFTA_GEN_PROC_NAME, its command name (comm), e.g.
    /// <c>nft</c>.</summary>
    public string? ProcessName { get; init; }

    /// <summary>For <see cref="NftablesEventKind.Malformed"/>: what is wrong.</summary>
    public string? Problem { get; init; }

    /// <summary>Creates a <see cref="NftablesEventKind.Malformed"/> event.</summary>
    /// <param name="problem">What is wrong, e.g. <c>message of 40 bytes at offset 16 does not fit the 48-byte datagram</c>.</param>
    /// <returns>The event.</returns>
    public static NftablesEvent Malformed(string problem) => new(NftablesEventKind.Malformed, 0, null) { Problem = problem };
}
