namespace WgAgent.Toml.Syntax;

/// <summary>One part of a (possibly dotted) key: its unquoted name and where it was written.</summary>
internal readonly struct KeySegment(string name, TomlSpan span)
{
    public string Name { get; } = name;

    public TomlSpan Span { get; } = span;
}
