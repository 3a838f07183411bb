using WgAgent.Core.Firewall;

namespace WgAgent.Firewall;

/// <summary>
/// Puts a table in the kernel and proves it is there: list, and if it differs, replace it in one transaction and
/// read it back (Mullvad's apply-then-verify). Serialized: one apply or remove at a time per applier, so a reload
/// and a periodic check never interleave their transactions and verifications.
/// </summary>
public sealed class KillswitchApplier
{
    private readonly INftables nftables;
    private readonly LastGoodStore? lastGood;
    private readonly SemaphoreSlim gate = new(1, 1);

    /// <summary>Creates the applier.</summary>
    /// <param name="nftables">The way to nftables.</param>
    /// <param name="lastGood">Where verified tables are remembered; null to remember nothing.</param>
    public KillswitchApplier(INftables nftables, LastGoodStore? lastGood)
    {
        ArgumentNullException.ThrowIfNull(nftables);
        this.nftables = nftables;
        this.lastGood = lastGood;
    }

    /// <summary>
    /// Makes <paramref name="expectedTable"/> the kernel's <c>table inet wgagent</c>. A logged no-op when it already
    /// is (no transaction: counters and the kernel's state stay untouched).
    /// </summary>
    /// <param name="expectedTable">The table block (from <see cref="NftRuleset.RenderTable"/>, last-good or block-all).</param>
    /// <param name="rememberAsLastGood">Store it as <c>last-good.nft</c> once verified: only for a table computed
    /// from a valid config, never for a fallback.</param>
    /// <param name="cancellationToken">Cancels waiting for the lock and the calls that honour it.</param>
    /// <returns>What happened; <see cref="KillswitchApplyResult.IsVerified"/> says whether the table is in place.</returns>
    /// <exception cref="NftablesException">nftables could not be listed (not permitted, library missing...).</exception>
    public async Task<KillswitchApplyResult> ApplyAsync(string expectedTable, bool rememberAsLastGood,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(expectedTable);
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // The expected table's normal form, computed once for both comparisons (NftListing.Matches would
            // normalize it again each time: ~5 ms for a 10k-element table).
            string? expected = null;
            string Expected() => expected ??= NftListing.Normalize(expectedTable);
            var current = await nftables.ListTableAsync(cancellationToken).ConfigureAwait(false);
            if (current is not null && string.Equals(NftListing.Normalize(current), Expected(), StringComparison.Ordinal))
            {
                return Remember(KillswitchApplyStatus.AlreadyInPlace, expectedTable, rememberAsLastGood);
            }

            var run = await nftables.RunAsync(NftRuleset.Transaction(expectedTable), cancellationToken).ConfigureAwait(false);
            if (!run.Succeeded)
            {
                return new KillswitchApplyResult(KillswitchApplyStatus.Rejected, run.Error.Trim() is { Length: > 0 } e ? e : run.ErrorLine);
            }

            // The transaction is committed: verify even if the caller gave up meanwhile, so the outcome is known.
            var after = await nftables.ListTableAsync(CancellationToken.None).ConfigureAwait(false);
            if (after is null)
            {
                return new KillswitchApplyResult(KillswitchApplyStatus.Mismatch, "the table is not listed after the transaction");
            }

            if (!string.Equals(NftListing.Normalize(after), Expected(), StringComparison.Ordinal))
            {
                return new KillswitchApplyResult(KillswitchApplyStatus.Mismatch, NftListing.FirstDifference(after, expectedTable));
            }

            return Remember(KillswitchApplyStatus.Applied, expectedTable, rememberAsLastGood);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Removes <c>table inet wgagent</c> (operator action, purge) and verifies it is gone. Idempotent.</summary>
    /// <param name="cancellationToken">Cancels waiting for the lock and the calls that honour it.</param>
    /// <returns>What happened.</returns>
    /// <exception cref="NftablesException">nftables could not be listed.</exception>
    public async Task<KillswitchRemoveResult> RemoveAsync(CancellationToken cancellationToken = default)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (await nftables.ListTableAsync(cancellationToken).ConfigureAwait(false) is null)
            {
                return new KillswitchRemoveResult(KillswitchRemoveStatus.AlreadyAbsent);
            }

            var run = await nftables.RunAsync(NftRuleset.DeleteTransaction, cancellationToken).ConfigureAwait(false);
            if (!run.Succeeded)
            {
                return new KillswitchRemoveResult(KillswitchRemoveStatus.Rejected, run.ErrorLine);
            }

            return await nftables.ListTableAsync(CancellationToken.None).ConfigureAwait(false) is null
                ? new KillswitchRemoveResult(KillswitchRemoveStatus.Removed)
                : new KillswitchRemoveResult(KillswitchRemoveStatus.StillPresent);
        }
        finally
        {
            gate.Release();
        }
    }

    private KillswitchApplyResult Remember(KillswitchApplyStatus status, string table, bool rememberAsLastGood)
    {
        if (!rememberAsLastGood || lastGood is null)
        {
            return new KillswitchApplyResult(status);
        }

        try
        {
            return new KillswitchApplyResult(status, LastGoodSaved: lastGood.SaveIfChanged(table));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The table is verified in the kernel; only the fallback for a future broken config is stale.
            return new KillswitchApplyResult(status, LastGoodError: $"saving {lastGood.FilePath}: {e.Message}");
        }
    }
}
