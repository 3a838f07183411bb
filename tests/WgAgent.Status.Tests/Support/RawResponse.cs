namespace WgAgent.Status.Tests.Support;

/// <summary>A response as a test client read it.</summary>
internal sealed record RawResponse(int Status, string StatusLine, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
