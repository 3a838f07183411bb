using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace WgAgent.Toml;

/// <summary>
/// A TOML table: the document root, a <c>[header]</c> table, a table made by dotted keys, an inline table
/// or one element of an array of tables. Keys keep their source order.
/// </summary>
/// <remarks>
/// Read-only once parsed. Positions: <see cref="GetKeySpan"/> says where a key was defined,
/// <see cref="GetValueSpan"/> where its value was written (for a scalar the literal itself; for a container
/// the container's <see cref="TomlObject.Span"/>); <see cref="Entries"/> gives all of it at once. Shaped
/// like Tomlyn's <c>TomlTable</c> (a dictionary of string to object) so callers could swap the two.
/// </remarks>
public sealed partial class TomlTable : TomlObject, IReadOnlyDictionary<string, object>
{
    /// <summary>Above this many keys a dictionary index is built; below it a linear scan of (mostly length-mismatched) strings is as fast and allocates nothing.</summary>
    private const int IndexThreshold = 16;

    private Entry[] _entries = Array.Empty<Entry>();
    private int _count;
    private Dictionary<string, int>? _index;

    internal TomlTable(TomlSpan span, int depth, TableOrigin origin)
        : base(span, depth)
    {
        Origin = origin;
    }

    /// <summary>True for a table written as <c>{ ... }</c>, which TOML closes once written.</summary>
    public bool IsInline => Origin == TableOrigin.Inline;

    /// <summary>The number of keys.</summary>
    public int Count => _count;

    /// <summary>The keys in source order.</summary>
    public IEnumerable<string> Keys
    {
        get
        {
            for (var i = 0; i < _count; i++)
            {
                yield return _entries[i].Key;
            }
        }
    }

    /// <summary>The values in source order.</summary>
    public IEnumerable<object> Values
    {
        get
        {
            for (var i = 0; i < _count; i++)
            {
                yield return _entries[i].Value;
            }
        }
    }

    /// <summary>Every key with its value and positions, in source order.</summary>
    public IReadOnlyList<TomlEntry> Entries => new EntryList(this);

    /// <summary>The value of a key.</summary>
    /// <param name="key">The key (unquoted).</param>
    /// <returns>The value.</returns>
    /// <exception cref="KeyNotFoundException">The table has no such key.</exception>
    public object this[string key] =>
        TryFind(key, out var i) ? _entries[i].Value : throw new KeyNotFoundException($"no key '{key}' in this table");

    /// <summary>Whether the table has a key.</summary>
    /// <param name="key">The key (unquoted).</param>
    /// <returns>True when present.</returns>
    public bool ContainsKey(string key) => TryFind(key, out _);

    /// <summary>Gets the value of a key.</summary>
    /// <param name="key">The key (unquoted).</param>
    /// <param name="value">The value when found.</param>
    /// <returns>True when found.</returns>
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object value)
    {
        if (TryFind(key, out var i))
        {
            value = _entries[i].Value;
            return true;
        }

        value = null;
        return false;
    }

    /// <summary>Gets a key's entry: value plus key and value positions.</summary>
    /// <param name="key">The key (unquoted).</param>
    /// <param name="entry">The entry when found.</param>
    /// <returns>True when found.</returns>
    public bool TryGetEntry(string key, out TomlEntry entry)
    {
        if (TryFind(key, out var i))
        {
            entry = _entries[i].ToPublic();
            return true;
        }

        entry = default;
        return false;
    }

    /// <summary>Where a key was defined (see <see cref="TomlEntry.KeySpan"/>).</summary>
    /// <param name="key">The key (unquoted).</param>
    /// <returns>The key's span.</returns>
    /// <exception cref="KeyNotFoundException">The table has no such key.</exception>
    public TomlSpan GetKeySpan(string key) =>
        TryFind(key, out var i) ? _entries[i].KeySpan : throw new KeyNotFoundException($"no key '{key}' in this table");

    /// <summary>Where a key's value was written (see <see cref="TomlEntry.ValueSpan"/>).</summary>
    /// <param name="key">The key (unquoted).</param>
    /// <returns>The value's span.</returns>
    /// <exception cref="KeyNotFoundException">The table has no such key.</exception>
    public TomlSpan GetValueSpan(string key) =>
        TryFind(key, out var i) ? _entries[i].ValueSpan : throw new KeyNotFoundException($"no key '{key}' in this table");

    /// <summary>Enumerates key/value pairs in source order.</summary>
    /// <returns>The enumerator.</returns>
    public IEnumerator<KeyValuePair<string, object>> GetEnumerator()
    {
        for (var i = 0; i < _count; i++)
        {
            yield return new KeyValuePair<string, object>(_entries[i].Key, _entries[i].Value);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private bool TryFind(string key, out int index)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (_index is not null)
        {
            return _index.TryGetValue(key, out index);
        }

        for (var i = 0; i < _count; i++)
        {
            if (string.Equals(_entries[i].Key, key, StringComparison.Ordinal))
            {
                index = i;
                return true;
            }
        }

        index = -1;
        return false;
    }

    private struct Entry
    {
        public string Key;
        public object Value;
        public TomlSpan KeySpan;
        public TomlSpan ValueSpan;

        public readonly TomlEntry ToPublic() => new(Key, Value, KeySpan, ValueSpan);
    }

    private sealed class EntryList(TomlTable table) : IReadOnlyList<TomlEntry>
    {
        public int Count => table._count;

        public TomlEntry this[int index] =>
            (uint)index < (uint)table._count ? table._entries[index].ToPublic() : throw new ArgumentOutOfRangeException(nameof(index));

        public IEnumerator<TomlEntry> GetEnumerator()
        {
            for (var i = 0; i < table._count; i++)
            {
                yield return table._entries[i].ToPublic();
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
