namespace AgentCtl.Client;

/// <summary>One answer of the daemon's API.</summary>
/// <param name="StatusCode">The HTTP status code.</param>
/// <param name="Body">The body, as text (JSON or plain).</param>
public sealed record AgentResponse(int StatusCode, string Body)
{
    /// <summary>True for 2xx.</summary>
    public bool IsSuccess => StatusCode is >= 200 and < 300;
}
