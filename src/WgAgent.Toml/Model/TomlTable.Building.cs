namespace WgAgent.Toml;

/// <summary>The builder's side of <see cref="TomlTable"/>: how the table came to be, and adding keys.</summary>
public sealed partial class TomlTable
{
    /// <summary>
    /// How the table was created; the redefinition rules of TOML depend on it (for example a header may
    /// define a table that a longer header created implicitly, but not one made by dotted keys).
    /// </summary>
    internal TableOrigin Origin { get; set; }

    /// <summary>Finds a key, giving its value and the span where it was defined.</summary>
    internal bool TryGet(string key, out object value, out TomlSpan keySpan)
    {
        if (TryFind(key, out var i))
        {
            value = _entries[i].Value;
            keySpan = _entries[i].KeySpan;
            return true;
        }

        value = null!;
        keySpan = default;
        return false;
    }

    /// <summary>Adds a key the caller has checked is absent.</summary>
    internal void Add(string key, object value, TomlSpan keySpan, TomlSpan valueSpan)
    {
        if (_count == _entries.Length)
        {
            Array.Resize(ref _entries, _count == 0 ? 4 : _count * 2);
        }

        _entries[_count] = new Entry { Key = key, Value = value, KeySpan = keySpan, ValueSpan = valueSpan };
        if (_index is not null)
        {
            _index.Add(key, _count);
        }
        else if (_count == IndexThreshold)
        {
            _index = new Dictionary<string, int>(_count * 2, StringComparer.Ordinal);
            for (var i = 0; i <= _count; i++)
            {
                _index.Add(_entries[i].Key, i);
            }
        }

        _count++;
    }

    /// <summary>
    /// Moves a key's recorded definition: an implicitly created table gets its positions from the header
    /// that finally defines it, which is where a reader looks for it.
    /// </summary>
    internal void Redefine(string key, TomlSpan keySpan, TomlSpan valueSpan)
    {
        if (TryFind(key, out var i))
        {
            _entries[i].KeySpan = keySpan;
            _entries[i].ValueSpan = valueSpan;
        }
    }
}
