using System.Text;
using WgAgent.Core.Firewall;

namespace WgAgent.Core.Status;

/// <summary>The <c>ruleset_sha256</c> of a table: the same for the rendered text and the kernel's listing of it.</summary>
public static class RulesetFingerprint
{
    /// <summary>
    /// SHA-256, lowercase hex, of the table's <see cref="NftListing.Normalize">normal form</see>, so counter values,
    /// set element order and whitespace do not change it: the hash changes exactly when the rules do.
    /// </summary>
    /// <param name="table">A table as rendered or as <c>nft list table</c> prints it.</param>
    /// <returns>64 hex digits.</returns>
    public static string Sha256(string table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return Convert.ToHexStringLower(Sha256Digest.Compute(Encoding.UTF8.GetBytes(NftListing.Normalize(table))));
    }
}
