namespace WgAgent.Firewall;

/// <summary>What nft said about one script.</summary>
/// <param name="Succeeded">True when nft accepted and committed it.</param>
/// <param name="Output">What it printed on its output (listings).</param>
/// <param name="Error">What it printed on its error output: "Error: ..." lines with the offending command.</param>
public sealed record NftResult(bool Succeeded, string Output, string Error)
{
    /// <summary>nft's first error line, e.g. <c>Error: Could not process rule: Operation not permitted</c>; a
    /// fallback text when it said nothing.</summary>
    public string ErrorLine
    {
        get
        {
            var line = Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
            return string.IsNullOrEmpty(line) ? "nft failed without a message" : line;
        }
    }

    /// <summary>True when the error is the kernel's ENOENT for the table: it does not exist.</summary>
    internal bool IsNoSuchTable => !Succeeded && Error.Contains("No such file or directory", StringComparison.Ordinal);
}
