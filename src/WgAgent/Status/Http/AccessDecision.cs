namespace WgAgent.Status.Http;

/// <summary>The outcome of <see cref="AccessPolicy"/>: allowed, or a refusal with a one-line error and a hint.</summary>
/// <param name="Allowed">Whether the request may proceed.</param>
/// <param name="Error">Why not (null when allowed).</param>
/// <param name="Hint">What the caller can do (null when allowed).</param>
public readonly record struct AccessDecision(bool Allowed, string? Error, string? Hint)
{
    /// <summary>Allowed.</summary>
    public static AccessDecision Allow { get; } = new(true, null, null);

    /// <summary>A refusal.</summary>
    /// <param name="error">Why.</param>
    /// <param name="hint">What to do.</param>
    /// <returns>The decision.</returns>
    public static AccessDecision Deny(string error, string hint) => new(false, error, hint);
}
