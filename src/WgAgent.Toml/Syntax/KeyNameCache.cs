using System.Text;

namespace WgAgent.Toml.Syntax;

/// <summary>
/// Hands out one string per distinct bare key within a parse. Real documents repeat the same few keys
/// (every <c>[[exporter]]</c> has a <c>name</c> and a <c>port</c>), so this saves most key allocations
/// and makes the model share them. Bounded, so a document of unique keys cannot grow it without limit.
/// </summary>
internal sealed class KeyNameCache
{
    private const int MaxLength = 64;
    private const int MaxEntries = 4096;

    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);

    /// <summary>The string for a bare key (ASCII by the lexer's definition of a bare key).</summary>
    public string Get(ReadOnlySpan<byte> ascii)
    {
        if (ascii.Length > MaxLength)
        {
            return Encoding.ASCII.GetString(ascii);
        }

        Span<char> chars = stackalloc char[ascii.Length];
        for (var i = 0; i < ascii.Length; i++)
        {
            chars[i] = (char)ascii[i];
        }

        var lookup = _names.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(chars, out var name))
        {
            return name;
        }

        name = new string(chars);
        if (_names.Count < MaxEntries)
        {
            _names.Add(name, name);
        }

        return name;
    }
}
