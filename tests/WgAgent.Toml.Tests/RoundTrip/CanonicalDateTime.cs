namespace WgAgent.Toml.Tests.RoundTrip;

/// <summary>The RFC 3339 text a generated date-time must come back as (separator T, upper-case Z).</summary>
public sealed record CanonicalDateTime(string Text);
