using WgAgent.Core.Diagnostics;

namespace WgAgent.Core.WireGuard;

/// <summary>One element of a list value (<c>Address</c>, <c>DNS</c>, <c>AllowedIPs</c>) and where it starts.</summary>
/// <param name="Text">The element, trimmed; empty for an empty element between commas.</param>
/// <param name="Position">Where it starts (where it would be, for an empty one).</param>
internal readonly record struct ValueItem(string Text, TextPosition Position)
{
    /// <summary>
    /// Splits a list value at commas and, when <paramref name="whitespaceSeparates"/>, at whitespace too.
    /// wg-quick(8) splits <c>Address</c> and <c>DNS</c> with bash word splitting after turning commas into
    /// spaces (so empty elements vanish); wg(8) splits <c>AllowedIPs</c> at commas only (so an empty
    /// element is an error there, which the caller reports).
    /// </summary>
    public static IEnumerable<ValueItem> Split(string value, TextPosition position, bool whitespaceSeparates)
    {
        if (value.Length == 0)
        {
            yield break;
        }
        var start = 0;
        for (var i = 0; i <= value.Length; i++)
        {
            var atEnd = i == value.Length;
            var separator = !atEnd && (value[i] == ',' || (whitespaceSeparates && ConfigLexer.IsSpace(value[i])));
            if (!atEnd && !separator)
            {
                continue;
            }
            var itemStart = start;
            var itemEnd = i;
            while (itemStart < itemEnd && ConfigLexer.IsSpace(value[itemStart]))
            {
                itemStart++;
            }
            while (itemEnd > itemStart && ConfigLexer.IsSpace(value[itemEnd - 1]))
            {
                itemEnd--;
            }
            var item = value[itemStart..itemEnd];
            if (item.Length > 0 || !whitespaceSeparates)
            {
                yield return new ValueItem(item, position with { Column = position.Column + itemStart });
            }
            start = i + 1;
        }
    }
}
