using WgAgent.Toml.Text;

namespace WgAgent.Toml.Decoding;

/// <summary>
/// Decides what an unquoted value is (boolean, number, date-time) and decodes it. Returns null after
/// reporting an error.
/// </summary>
internal static class AtomDecoder
{
    private static readonly object True = true;
    private static readonly object False = false;
    private static readonly object PositiveInfinity = double.PositiveInfinity;
    private static readonly object NegativeInfinity = double.NegativeInfinity;
    private static readonly object NaN = double.NaN;

    public static object? Decode(in DecodeContext context)
    {
        var atom = context.TokenText;
        switch (atom)
        {
            case var _ when atom.SequenceEqual("true"u8):
                return True;
            case var _ when atom.SequenceEqual("false"u8):
                return False;
            case var _ when atom.SequenceEqual("inf"u8) || atom.SequenceEqual("+inf"u8):
                return PositiveInfinity;
            case var _ when atom.SequenceEqual("-inf"u8):
                return NegativeInfinity;
            case var _ when atom.SequenceEqual("nan"u8) || atom.SequenceEqual("+nan"u8) || atom.SequenceEqual("-nan"u8):
                // TOML has signed NaNs, but no use for the sign; .NET keeps one quiet NaN.
                return NaN;
        }

        if (LooksLikeDateOrTime(atom))
        {
            return DateTimeDecoder.Decode(context);
        }

        var first = atom[0];
        if (char.IsAsciiDigit((char)first) || first is (byte)'+' or (byte)'-' or (byte)'.')
        {
            return NumberDecoder.Decode(context);
        }

        context.Error(0, $"invalid value {CharacterNames.Quote(atom)}: strings must be quoted, booleans are true or false");
        return null;
    }

    /// <summary>
    /// A number never has a colon, nor a dash right after a digit (a dash only starts it or follows an
    /// exponent's e), so a value that starts with a digit and has either is meant as a date or a time;
    /// routing it there gives "expected a date as YYYY-MM-DD" rather than "invalid integer".
    /// </summary>
    private static bool LooksLikeDateOrTime(ReadOnlySpan<byte> s)
    {
        if (!char.IsAsciiDigit((char)s[0]))
        {
            return false;
        }

        var colon = s.IndexOf((byte)':');
        var dash = s.IndexOf((byte)'-');
        return colon >= 0 || (dash > 0 && char.IsAsciiDigit((char)s[dash - 1]));
    }
}
