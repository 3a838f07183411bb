namespace WgAgent.Toml.Syntax;

/// <summary>An inline table <c>{ k = v, ... }</c> as written (duplicate keys are a semantic check, later).</summary>
internal sealed class InlineTableSyntax
{
    public List<KeyValueSyntax> Entries { get; } = new();
}
