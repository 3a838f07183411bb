using WgAgent.Core;

namespace WgAgent.Firewall;

/// <summary>The nft commands the seam issues itself, and how to read nft's refusals.</summary>
internal static class NftCommands
{
    /// <summary>Lists only wgagent's table; never the whole ruleset (other tables are not ours to read or judge).</summary>
    public const string ListTable = "list table " + ProductPaths.NftTable;

    /// <summary>The hint for failures that come from missing privileges.</summary>
    public const string PrivilegeHint = "run as root (nftables needs CAP_NET_ADMIN)";

    /// <summary>Turns a failed listing into an exception, or null when the failure means "no such table".</summary>
    public static NftablesException? ListingFailure(NftResult result) =>
        result.IsNoSuchTable
            ? null
            : new NftablesException($"listing table {ProductPaths.NftTable}: {result.ErrorLine}", HintFor(result.Error));

    /// <summary>A hint for an nft error text, when one is obvious.</summary>
    public static string? HintFor(string error) =>
        error.Contains("Operation not permitted", StringComparison.Ordinal) ? PrivilegeHint : null;
}
