namespace WgAgent.Toml.Syntax;

/// <summary><c>key = value</c>, at the top level or inside an inline table.</summary>
internal readonly struct KeyValueSyntax(KeySyntax key, ValueSyntax value)
{
    public KeySyntax Key { get; } = key;

    public ValueSyntax Value { get; } = value;
}
