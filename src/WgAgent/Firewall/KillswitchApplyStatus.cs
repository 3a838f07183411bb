namespace WgAgent.Firewall;

/// <summary>How one <see cref="KillswitchApplier.ApplyAsync"/> ended.</summary>
public enum KillswitchApplyStatus
{
    /// <summary>The kernel already held the expected table; nothing was sent (counters keep counting).</summary>
    AlreadyInPlace,

    /// <summary>The transaction was committed and the table read back equal to the expected one.</summary>
    Applied,

    /// <summary>nft refused the transaction, so nothing changed: whatever was loaded before is still loaded.</summary>
    Rejected,

    /// <summary>
    /// The transaction was committed but the table read back differs from the expected one. It is left in place: it
    /// is still wgagent's closed table (removing it would open the host), but it is not verified.
    /// </summary>
    Mismatch,
}
