namespace WgAgent.Firewall;

/// <summary>nftables could not answer: the message reads as a chain of causes ending in nft's own words.</summary>
public class NftablesException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed, e.g. <c>listing table inet wgagent: Error: ... Operation not permitted</c>.</param>
    /// <param name="hint">What the operator can do about it; null when there is nothing useful to say.</param>
    /// <param name="innerException">The cause, if any.</param>
    public NftablesException(string message, string? hint = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Hint = hint;
    }

    /// <summary>What the operator can do about it.</summary>
    public string? Hint { get; }
}
