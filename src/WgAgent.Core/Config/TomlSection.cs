using WgAgent.Core.Diagnostics;
using WgAgent.Toml;

namespace WgAgent.Core.Config;

/// <summary>
/// Reads one TOML table of the config with typed getters that report a wrong type, an unknown key (with a "did you
/// mean") or a missing key as diagnostics at the right line and column, under the key's full path.
/// </summary>
internal sealed class TomlSection
{
    private readonly TomlTable _table;
    private readonly ConfigReadContext _context;

    public TomlSection(TomlTable table, string path, ConfigReadContext context)
    {
        _table = table;
        Path = path;
        _context = context;
    }

    /// <summary>The key path of this table, e.g. <c>killswitch</c> or <c>exporter[1]</c>; empty for the root.</summary>
    public string Path { get; }

    /// <summary>Where the table starts (its header, or the first key of the document).</summary>
    public TomlSpan Span => _table.Span;

    public string KeyPath(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    public bool Has(string key) => _table.ContainsKey(key);

    /// <summary>Reports every key not in <paramref name="known"/>, suggesting the closest known one.</summary>
    public void RejectUnknownKeys(IReadOnlyCollection<string> known)
    {
        foreach (var entry in _table.Entries)
        {
            if (known.Contains(entry.Key))
            {
                continue;
            }

            var suggestion = Suggestions.Closest(entry.Key, known);
            var where = Path.Length == 0 ? "at the top level" : $"in [{SectionName}]";
            _context.Error(entry.KeySpan, KeyPath(entry.Key), $"unknown key {DiagnosticText.Quote(entry.Key)} {where}",
                suggestion is null ? $"known keys: {string.Join(", ", known)}" : $"did you mean \"{suggestion}\"?");
        }
    }

    public string? String(string key) => Get<string>(key, "a string", out var value, out _) ? value : null;

    public (string Value, TomlSpan Span)? StringWithSpan(string key) =>
        Get<string>(key, "a string", out var value, out var span) ? (value, span) : null;

    public (long Value, TomlSpan Span)? Integer(string key) =>
        Get<long>(key, "an integer", out var value, out var span) ? (value, span) : null;

    /// <summary>An array whose elements must all be strings; each comes with its span and key path.</summary>
    public IReadOnlyList<(string Value, TomlSpan Span, string Path)>? StringArray(string key)
    {
        if (!Get<TomlArray>(key, "an array of strings", out var array, out _))
        {
            return null;
        }

        var items = new List<(string, TomlSpan, string)>(array.Count);
        var arrayPath = KeyPath(key);
        for (var i = 0; i < array.Count; i++)
        {
            var path = $"{arrayPath}[{i}]";
            if (array[i] is string s)
            {
                items.Add((s, array.GetSpan(i), path));
            }
            else
            {
                _context.Error(array.GetSpan(i), path, $"expected a string, found {TomlTypeNames.Of(array[i])}");
            }
        }

        return items;
    }

    public TomlSection? Table(string key) =>
        Get<TomlTable>(key, "a table", out var table, out _) ? new TomlSection(table, KeyPath(key), _context) : null;

    /// <summary>An array of tables, written as <c>[[key]]</c> blocks or as an array of inline tables.</summary>
    public IReadOnlyList<TomlSection>? Tables(string key)
    {
        if (!_table.TryGetEntry(key, out var entry))
        {
            return null;
        }

        switch (entry.Value)
        {
            case TomlTableArray tables:
                return tables.Select((t, i) => new TomlSection(t, $"{KeyPath(key)}[{i}]", _context)).ToList();
            case TomlArray array when array.All(item => item is TomlTable):
                return array.Select((t, i) => new TomlSection((TomlTable)t, $"{KeyPath(key)}[{i}]", _context)).ToList();
            default:
                _context.Error(entry.ValueSpan, KeyPath(key),
                    $"expected an array of tables ([[{key}]] blocks), found {TomlTypeNames.Of(entry.Value)}");
                return null;
        }
    }

    /// <summary>Reports the required keys that are missing, in one diagnostic at the table's header.</summary>
    public void RequireKeys(params string[] keys)
    {
        var missing = keys.Where(k => !_table.ContainsKey(k)).Select(k => $"\"{k}\"").ToList();
        if (missing.Count > 0)
        {
            var noun = missing.Count == 1 ? "key" : "keys";
            _context.Error(_table.Span, Path, $"missing required {noun} {string.Join(", ", missing)}");
        }
    }

    private string SectionName => Path.Contains('[', StringComparison.Ordinal) ? Path[..Path.IndexOf('[', StringComparison.Ordinal)] : Path;

    private bool Get<T>(string key, string expected, out T value, out TomlSpan span)
    {
        value = default!;
        span = default;
        if (!_table.TryGetEntry(key, out var entry))
        {
            return false;
        }

        span = entry.ValueSpan;
        if (entry.Value is T typed)
        {
            value = typed;
            _context.Record(KeyPath(key), span);
            return true;
        }

        _context.Error(span, KeyPath(key), $"expected {expected}, found {TomlTypeNames.Of(entry.Value)}");
        return false;
    }
}
