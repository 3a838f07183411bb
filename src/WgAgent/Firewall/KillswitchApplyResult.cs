namespace WgAgent.Firewall;

/// <summary>What <see cref="KillswitchApplier.ApplyAsync"/> did and saw.</summary>
/// <param name="Status">How it ended.</param>
/// <param name="Problem">For <see cref="KillswitchApplyStatus.Rejected"/>: nft's error text; for
/// <see cref="KillswitchApplyStatus.Mismatch"/>: the first difference. Null otherwise.</param>
/// <param name="LastGoodSaved">True when <c>last-good.nft</c> was (re)written.</param>
/// <param name="LastGoodError">Why <c>last-good.nft</c> could not be written, when it could not; the table is in
/// place regardless.</param>
public sealed record KillswitchApplyResult(KillswitchApplyStatus Status, string? Problem = null, bool LastGoodSaved = false,
    string? LastGoodError = null)
{
    /// <summary>True when the expected table is verified in the kernel (applied now or already there).</summary>
    public bool IsVerified => Status is KillswitchApplyStatus.Applied or KillswitchApplyStatus.AlreadyInPlace;
}
