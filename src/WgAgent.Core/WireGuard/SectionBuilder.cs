using WgAgent.Core.Diagnostics;

namespace WgAgent.Core.WireGuard;

/// <summary>
/// What the [Interface] and [Peer] readers share: their key path prefix, the diagnostics bag, the kept
/// raw entries and the check that a single-valued key is set only once.
/// </summary>
internal abstract class SectionBuilder
{
    private readonly Dictionary<string, int> _firstLineOfKey = new(StringComparer.Ordinal);
    private readonly List<WireGuardRawEntry> _rawEntries;

    protected SectionBuilder(string path, TextPosition header, DiagnosticBag bag, List<WireGuardRawEntry> rawEntries)
    {
        Path = path;
        Header = header;
        Bag = bag;
        _rawEntries = rawEntries;
    }

    /// <summary>The section as key paths name it: <c>Interface</c> or <c>Peer[2]</c>.</summary>
    public string Path { get; }

    /// <summary>Where the section header is.</summary>
    public TextPosition Header { get; }

    protected DiagnosticBag Bag { get; }

    /// <summary>Reads one <c>Key = Value</c> line whose key is a known key of this section.</summary>
    /// <param name="line">The lexed line.</param>
    /// <param name="key">The key's canonical spelling.</param>
    public abstract void Accept(ConfigLine line, string key);

    /// <summary>Keeps a line the reader does not interpret.</summary>
    /// <param name="line">The lexed line.</param>
    /// <param name="value">The value to keep (raw for hooks, comment-stripped otherwise).</param>
    public void Keep(ConfigLine line, string value) =>
        _rawEntries.Add(new WireGuardRawEntry(Path, line.Text, value, line.TextPosition, line.ValuePosition));

    protected string KeyPath(string key) => $"{Path}.{key}";

    protected void Error(TextPosition position, string key, string message, string? hint = null) =>
        Bag.Error(position, KeyPath(key), message, hint);

    protected void Warning(TextPosition position, string key, string message, string? hint = null) =>
        Bag.Warning(position, KeyPath(key), message, hint);

    /// <summary>
    /// Reports a second occurrence of a single-valued key. wg(8) and wg-quick(8) silently keep the last
    /// one, which hides edits made in the wrong place, so it is an error here.
    /// </summary>
    /// <returns>True when this is the first occurrence and the value should be read.</returns>
    protected bool FirstOccurrence(ConfigLine line, string key)
    {
        if (_firstLineOfKey.TryGetValue(key, out var firstLine))
        {
            Error(line.TextPosition, key, $"set twice in one section; first on line {firstLine}",
                "keep one; wg(8) and wg-quick(8) would silently use the last");
            return false;
        }
        _firstLineOfKey[key] = line.TextPosition.Line;
        return true;
    }
}
