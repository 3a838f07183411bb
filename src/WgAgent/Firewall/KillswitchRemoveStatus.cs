namespace WgAgent.Firewall;

/// <summary>How one <see cref="KillswitchApplier.RemoveAsync"/> ended.</summary>
public enum KillswitchRemoveStatus
{
    /// <summary>There was no table to remove.</summary>
    AlreadyAbsent,

    /// <summary>The table was deleted and is verified gone.</summary>
    Removed,

    /// <summary>nft refused the delete; the table is still there.</summary>
    Rejected,

    /// <summary>nft accepted the delete but the table is listed again afterwards (someone re-created it).</summary>
    StillPresent,
}
