namespace WgAgent.Status.Http;

/// <summary>One header field as received or to be sent: the name as written, the value without surrounding whitespace.</summary>
/// <param name="Name">The field name (compare case-insensitively).</param>
/// <param name="Value">The field value.</param>
public readonly record struct HttpHeader(string Name, string Value);
