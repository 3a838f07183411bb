namespace WgAgent.Firewall;

/// <summary>nftables cannot be used at all on this host: the library (or the nft program) is missing or unusable.</summary>
public sealed class NftablesUnavailableException : NftablesException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What could not be loaded or started.</param>
    /// <param name="hint">What to install.</param>
    /// <param name="innerException">The cause.</param>
    public NftablesUnavailableException(string message, string hint, Exception? innerException = null)
        : base(message, hint, innerException)
    {
    }
}
