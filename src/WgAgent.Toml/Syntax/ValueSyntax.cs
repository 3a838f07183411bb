namespace WgAgent.Toml.Syntax;

/// <summary>
/// A value as written, with its span. <see cref="Value"/> is the decoded scalar (string, long, double,
/// bool, <see cref="TomlDateTime"/>), an <see cref="ArraySyntax"/> or an <see cref="InlineTableSyntax"/>.
/// A struct, because most values are scalars and need no node of their own.
/// </summary>
internal readonly struct ValueSyntax(object value, TomlSpan span)
{
    public object Value { get; } = value;

    public TomlSpan Span { get; } = span;
}
