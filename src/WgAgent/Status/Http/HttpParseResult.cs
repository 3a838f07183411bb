namespace WgAgent.Status.Http;

/// <summary>The result of parsing a request head.</summary>
/// <param name="Outcome">Incomplete, complete or an error.</param>
/// <param name="Head">The head when complete.</param>
/// <param name="Consumed">Bytes the head took (leading empty lines included) when complete.</param>
/// <param name="ErrorStatus">The status to answer with when an error (400, 417, 431, 501, 505).</param>
/// <param name="ErrorMessage">Why, for the JSON error.</param>
internal readonly record struct HttpParseResult(
    HttpParseOutcome Outcome, HttpRequestHead? Head, int Consumed, int ErrorStatus, string? ErrorMessage)
{
    /// <summary>Read more.</summary>
    public static HttpParseResult Incomplete { get; } = new(HttpParseOutcome.Incomplete, null, 0, 0, null);

    /// <summary>A complete head.</summary>
    public static HttpParseResult Complete(HttpRequestHead head, int consumed) => new(HttpParseOutcome.Complete, head, consumed, 0, null);

    /// <summary>A refusal.</summary>
    public static HttpParseResult Error(int status, string message) => new(HttpParseOutcome.Error, null, 0, status, message);
}
