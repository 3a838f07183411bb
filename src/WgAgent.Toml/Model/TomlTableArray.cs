using System.Collections;

namespace WgAgent.Toml;

/// <summary>
/// An array of tables written with <c>[[header]]</c>: one <see cref="TomlTable"/> per header, in order.
/// Each element's <see cref="TomlObject.Span"/> is its header; this object's span is the first header.
/// </summary>
public sealed class TomlTableArray : TomlObject, IReadOnlyList<TomlTable>
{
    private readonly List<TomlTable> _tables = new();

    internal TomlTableArray(TomlSpan span, int depth)
        : base(span, depth)
    {
    }

    /// <summary>The number of tables.</summary>
    public int Count => _tables.Count;

    /// <summary>A table.</summary>
    /// <param name="index">0-based index.</param>
    /// <returns>The table.</returns>
    public TomlTable this[int index] => _tables[index];

    /// <summary>Where a table's <c>[[header]]</c> was written.</summary>
    /// <param name="index">0-based index.</param>
    /// <returns>The header's span.</returns>
    public TomlSpan GetSpan(int index) => _tables[index].Span;

    /// <summary>Enumerates the tables in order.</summary>
    /// <returns>The enumerator.</returns>
    public IEnumerator<TomlTable> GetEnumerator() => _tables.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal TomlTable Last => _tables[^1];

    internal void Add(TomlTable table) => _tables.Add(table);
}
