namespace WgAgent.Firewall;

/// <summary>
/// The seam to nftables, owned by its consumer (<see cref="KillswitchApplier"/>): run one script as one
/// transaction, and list wgagent's table. <see cref="LibNftables"/> is the default, <see cref="NftProcess"/> the
/// fallback and diagnostic path; both take the exact text <c>nft -f</c> takes.
/// </summary>
public interface INftables
{
    /// <summary>Runs <paramref name="script"/> as one transaction: all of it takes effect, or none of it.</summary>
    /// <param name="script">nft(8) commands, as in a file for <c>nft -f</c>.</param>
    /// <param name="cancellationToken">Abandons the call where the implementation can.</param>
    /// <returns>Whether nft accepted it, with its output and error text.</returns>
    /// <exception cref="NftablesUnavailableException">nftables cannot be used at all (library or program missing).</exception>
    Task<NftResult> RunAsync(string script, CancellationToken cancellationToken = default);

    /// <summary>Lists <c>table inet wgagent</c> as nft prints it.</summary>
    /// <param name="cancellationToken">Abandons the call where the implementation can.</param>
    /// <returns>The listing, or null when the table does not exist (absence is an answer, not an error).</returns>
    /// <exception cref="NftablesException">Listing failed for another reason (e.g. not permitted).</exception>
    Task<string?> ListTableAsync(CancellationToken cancellationToken = default);
}
