using System.Buffers;
using System.Globalization;
using WgAgent.Toml.Text;

namespace WgAgent.Toml.Decoding;

/// <summary>Floats: an integer part, then a fraction, an exponent or both.</summary>
internal static partial class NumberDecoder
{
    private static object? DecodeFloat(in DecodeContext context, ReadOnlySpan<byte> atom, int body)
    {
        if (atom[body] == (byte)'.')
        {
            context.Error(body, $"invalid float {CharacterNames.Quote(atom)}: a digit must come before the decimal point");
            return null;
        }

        var i = CheckDigits(context, atom, body, "float", leadingZerosAllowed: false);
        if (i < 0)
        {
            return null;
        }

        if (i < atom.Length && atom[i] == (byte)'.')
        {
            if (i + 1 >= atom.Length || !char.IsAsciiDigit((char)atom[i + 1]))
            {
                context.Error(i + 1, $"invalid float {CharacterNames.Quote(atom)}: a digit must follow the decimal point");
                return null;
            }

            i = CheckDigits(context, atom, i + 1, "float", leadingZerosAllowed: true);
            if (i < 0)
            {
                return null;
            }
        }

        if (i < atom.Length && atom[i] is (byte)'e' or (byte)'E')
        {
            i++;
            if (i < atom.Length && atom[i] is (byte)'+' or (byte)'-')
            {
                i++;
            }

            if (i >= atom.Length || !char.IsAsciiDigit((char)atom[i]))
            {
                context.Error(Math.Min(i, atom.Length), $"invalid float {CharacterNames.Quote(atom)}: the exponent needs digits");
                return null;
            }

            i = CheckDigits(context, atom, i, "float", leadingZerosAllowed: true);
            if (i < 0)
            {
                return null;
            }
        }

        if (i != atom.Length)
        {
            return Unexpected(context, atom, i, "float");
        }

        return ParseFloat(context, atom);
    }

    private static object? ParseFloat(in DecodeContext context, ReadOnlySpan<byte> atom)
    {
        byte[]? rented = null;
        var digits = atom.Length <= 128 ? stackalloc byte[128] : (rented = ArrayPool<byte>.Shared.Rent(atom.Length));
        var n = 0;
        foreach (var b in atom)
        {
            if (b != (byte)'_')
            {
                digits[n++] = b;
            }
        }

        var ok = double.TryParse(digits[..n], NumberStyles.Float, CultureInfo.InvariantCulture, out var value);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }

        if (!ok || double.IsInfinity(value))
        {
            // A literal too large for binary64 is almost surely a typo; TOML spells infinity "inf".
            context.Error(0, $"float {CharacterNames.Quote(atom)} is out of range for a 64-bit float");
            return null;
        }

        return value;
    }
}
