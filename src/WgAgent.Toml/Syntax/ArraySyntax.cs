namespace WgAgent.Toml.Syntax;

/// <summary>An array <c>[ ... ]</c> as written.</summary>
internal sealed class ArraySyntax
{
    public List<ValueSyntax> Items { get; } = new();
}
