namespace WgAgent.Toml.Syntax;

/// <summary>
/// A key as written: one segment, or several joined by dots (<c>a."b.c".d</c>). A struct holding the
/// common single segment inline, so a plain <c>key = value</c> allocates no key node.
/// </summary>
internal readonly struct KeySyntax
{
    private readonly KeySegment _single;
    private readonly KeySegment[]? _segments;

    public KeySyntax(KeySegment single)
    {
        _single = single;
        _segments = null;
    }

    public KeySyntax(KeySegment[] segments)
    {
        _single = segments[0];
        _segments = segments.Length == 1 ? null : segments;
    }

    public int Count => _segments?.Length ?? 1;

    public KeySegment this[int index] => _segments is null ? _single : _segments[index];

    public KeySegment Last => _segments is null ? _single : _segments[^1];

    /// <summary>The first <paramref name="count"/> segments as a dotted name for messages, quoted only where needed.</summary>
    public string Display(int count) =>
        _segments is null ? KeyNames.Join([_single]) : KeyNames.Join(_segments.AsSpan(0, count));

    public string Display() => Display(Count);
}
