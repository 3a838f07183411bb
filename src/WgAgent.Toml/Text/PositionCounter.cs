namespace WgAgent.Toml.Text;

/// <summary>Turns byte offsets into line and column, counting columns in UTF-16 code units.</summary>
internal static class PositionCounter
{
    /// <summary>How many UTF-16 code units the UTF-8 sequence that starts (or continues) with this byte adds.</summary>
    public static int Utf16Width(byte b) => (b & 0xC0) == 0x80 ? 0 : b >= 0xF0 ? 2 : 1;

    /// <summary>The position of <paramref name="offset"/>, counting forward from a known position.</summary>
    public static TomlPosition Advance(ReadOnlySpan<byte> text, TomlPosition from, int offset)
    {
        var line = from.Line;
        var column = from.Column;
        for (var i = from.Offset; i < offset && i < text.Length; i++)
        {
            var b = text[i];
            if (b == (byte)'\n')
            {
                line++;
                column = 1;
            }
            else
            {
                column += Utf16Width(b);
            }
        }

        return new TomlPosition(offset, line, column);
    }

    /// <summary>The position of an offset counted from the start of the input (for the rare error before lexing).</summary>
    public static TomlPosition FromStart(ReadOnlySpan<byte> text, int firstOffset, int offset) =>
        Advance(text, new TomlPosition(firstOffset, 1, 1), offset);
}
