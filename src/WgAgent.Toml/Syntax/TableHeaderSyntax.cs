namespace WgAgent.Toml.Syntax;

/// <summary><c>[key]</c> or <c>[[key]]</c>; the span covers the brackets.</summary>
internal readonly struct TableHeaderSyntax(KeySyntax key, bool isArrayOfTables, TomlSpan span)
{
    public KeySyntax Key { get; } = key;

    public bool IsArrayOfTables { get; } = isArrayOfTables;

    public TomlSpan Span { get; } = span;

    public string Display() => IsArrayOfTables ? $"[[{Key.Display()}]]" : $"[{Key.Display()}]";
}
