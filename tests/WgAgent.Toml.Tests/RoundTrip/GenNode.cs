namespace WgAgent.Toml.Tests.RoundTrip;

/// <summary>A generated document node: what the parser should produce, and enough to write it as TOML.</summary>
public abstract record GenNode;

/// <summary>A scalar: the TOML literal to write and the CLR value (or canonical text, for date-times) expected back.</summary>
public sealed record GenScalar(string Literal, object Expected) : GenNode;

/// <summary>An array; when every element is a table it may be written as <c>[[header]]</c> sections.</summary>
public sealed record GenArray(IReadOnlyList<GenNode> Items, bool AsTableArray) : GenNode;

/// <summary>A table with distinct keys; <paramref name="Inline"/> writes it as <c>{ ... }</c>.</summary>
public sealed record GenTable(IReadOnlyList<KeyValuePair<string, GenNode>> Entries, bool Inline) : GenNode;
