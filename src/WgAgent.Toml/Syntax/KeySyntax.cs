namespace WgAgent.Toml.Syntax;

/// <summary>A key as written: one segment, or several joined by dots (<c>a."b.c".d</c>).</summary>
internal sealed class KeySyntax(KeySegment[] segments)
{
    public KeySegment[] Segments { get; } = segments;

    public KeySegment Last => Segments[^1];

    /// <summary>The dotted name for messages, each segment quoted only if it needs to be.</summary>
    public string Display(int count) => KeyNames.Join(Segments.AsSpan(0, count));

    public string Display() => Display(Segments.Length);
}
