namespace WgAgent.Firewall;

/// <summary>What <see cref="KillswitchApplier.RemoveAsync"/> did.</summary>
/// <param name="Status">How it ended.</param>
/// <param name="Problem">nft's error text when it refused; null otherwise.</param>
public sealed record KillswitchRemoveResult(KillswitchRemoveStatus Status, string? Problem = null)
{
    /// <summary>True when the table is verified absent.</summary>
    public bool IsAbsent => Status is KillswitchRemoveStatus.AlreadyAbsent or KillswitchRemoveStatus.Removed;
}
