namespace WgAgent.Toml;

/// <summary>
/// A container in the document model: a <see cref="TomlTable"/>, a <see cref="TomlArray"/> or a
/// <see cref="TomlTableArray"/>. Scalars are plain CLR values (<see cref="string"/>, <see cref="long"/>,
/// <see cref="double"/>, <see cref="bool"/>, <see cref="TomlDateTime"/>) whose positions their container
/// holds.
/// </summary>
public abstract class TomlObject
{
    private protected TomlObject(TomlSpan span, int depth)
    {
        Span = span;
        Depth = depth;
    }

    /// <summary>
    /// Where the container was defined: a table header (<c>[a.b]</c> or <c>[[a]]</c>), an inline table or
    /// array (<c>{...}</c>, <c>[...]</c>), or, for a table that only exists because a header or dotted key
    /// named it, the key segment that created it. The root table spans the whole document.
    /// </summary>
    public TomlSpan Span { get; internal set; }

    /// <summary>How many containers enclose this one (the root table is 0); bounded by the parser.</summary>
    internal int Depth { get; }
}
