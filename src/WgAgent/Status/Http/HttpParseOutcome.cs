namespace WgAgent.Status.Http;

/// <summary>What <see cref="HttpRequestParser.Parse"/> made of the bytes so far.</summary>
internal enum HttpParseOutcome
{
    /// <summary>No complete head yet and nothing wrong so far: read more.</summary>
    Incomplete,

    /// <summary>A complete, valid head.</summary>
    Complete,

    /// <summary>A request to refuse (4xx/5xx) and close the connection after.</summary>
    Error,
}
