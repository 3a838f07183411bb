namespace WgAgent.Toml;

/// <summary>One key of a <see cref="TomlTable"/> with its value and where each was written.</summary>
public readonly struct TomlEntry
{
    internal TomlEntry(string key, object value, TomlSpan keySpan, TomlSpan valueSpan)
    {
        Key = key;
        Value = value;
        KeySpan = keySpan;
        ValueSpan = valueSpan;
    }

    /// <summary>The key, unquoted and unescaped.</summary>
    public string Key { get; }

    /// <summary>The value: a scalar (string, long, double, bool, <see cref="TomlDateTime"/>) or a container.</summary>
    public object Value { get; }

    /// <summary>
    /// Where the key was defined: the key (or the last segment of a dotted key) of the key/value pair, or the
    /// key segment of the header or dotted key that created a table.
    /// </summary>
    public TomlSpan KeySpan { get; }

    /// <summary>Where the value was written: the literal for a scalar, the container's span otherwise.</summary>
    public TomlSpan ValueSpan { get; }
}
