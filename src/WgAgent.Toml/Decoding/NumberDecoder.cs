using WgAgent.Toml.Text;

namespace WgAgent.Toml.Decoding;

/// <summary>
/// Decodes TOML integers (decimal, <c>0x</c>, <c>0o</c>, <c>0b</c>, with underscores between digits,
/// 64-bit signed) and floats (fraction and/or exponent). The grammar is checked here, by hand, because
/// the BCL parsers accept forms TOML forbids (leading zeros, <c>1.</c>, <c>.5</c>, a leading <c>+</c> on hex).
/// </summary>
internal static partial class NumberDecoder
{
    public static object? Decode(in DecodeContext context)
    {
        var atom = context.TokenText;
        var signed = atom[0] is (byte)'+' or (byte)'-';
        var body = signed ? 1 : 0;
        if (atom.Length > body + 1 && atom[body] == (byte)'0' && atom[body + 1] is (byte)'x' or (byte)'o' or (byte)'b')
        {
            if (signed)
            {
                context.Error(0, $"invalid number {CharacterNames.Quote(atom)}: hexadecimal, octal and binary integers cannot have a sign");
                return null;
            }

            return DecodeRadix(context, atom);
        }

        return atom.IndexOfAny((byte)'.', (byte)'e', (byte)'E') >= 0 ? DecodeFloat(context, atom, body) : DecodeDecimal(context, atom, body);
    }

    private static object? DecodeDecimal(in DecodeContext context, ReadOnlySpan<byte> atom, int body)
    {
        var end = CheckDigits(context, atom, body, "integer", leadingZerosAllowed: false);
        if (end < 0)
        {
            return null;
        }

        if (end != atom.Length)
        {
            return Unexpected(context, atom, end, "integer");
        }

        var negative = atom[0] == (byte)'-';
        // Accumulate as the negative value, whose range is one larger, so long.MinValue parses too.
        long value = 0;
        for (var i = body; i < atom.Length; i++)
        {
            var b = atom[i];
            if (b == (byte)'_')
            {
                continue;
            }

            var digit = b - '0';
            if (value < (long.MinValue + digit) / 10)
            {
                return OutOfRange(context, atom);
            }

            value = value * 10 - digit;
        }

        if (!negative)
        {
            if (value == long.MinValue)
            {
                return OutOfRange(context, atom);
            }

            value = -value;
        }

        return value;
    }

    private static object? DecodeRadix(in DecodeContext context, ReadOnlySpan<byte> atom)
    {
        var (bits, name) = atom[1] switch
        {
            (byte)'x' => (4, "hexadecimal"),
            (byte)'o' => (3, "octal"),
            _ => (1, "binary"),
        };
        if (atom.Length == 2)
        {
            context.Error(0, $"invalid number {CharacterNames.Quote(atom)}: no digits after '0{(char)atom[1]}'");
            return null;
        }

        ulong value = 0;
        var previousWasDigit = false;
        for (var i = 2; i < atom.Length; i++)
        {
            var b = atom[i];
            if (b == (byte)'_')
            {
                if (!previousWasDigit || i + 1 == atom.Length)
                {
                    return Underscore(context, atom, i);
                }

                previousWasDigit = false;
                continue;
            }

            var digit = DigitValue(b);
            if (digit < 0 || digit >= 1 << bits)
            {
                context.Error(i, $"invalid number {CharacterNames.Quote(atom)}: {CharacterNames.Character(atom[i..])} is not a {name} digit");
                return null;
            }

            // value << bits | digit stays within long exactly when value <= long.MaxValue >> bits.
            if (value > (ulong)(long.MaxValue >> bits))
            {
                return OutOfRange(context, atom);
            }

            value = (value << bits) | (uint)digit;
            previousWasDigit = true;
        }

        return (long)value;
    }

    /// <summary>
    /// Checks a run of decimal digits with underscores only between digits, starting at <paramref name="i"/>;
    /// returns the index after the run, or -1 after reporting an error.
    /// </summary>
    private static int CheckDigits(in DecodeContext context, ReadOnlySpan<byte> atom, int i, string what, bool leadingZerosAllowed)
    {
        var start = i;
        if (i >= atom.Length || !char.IsAsciiDigit((char)atom[i]))
        {
            var found = i >= atom.Length ? "nothing" : CharacterNames.Character(atom[i..]);
            context.Error(Math.Min(i, atom.Length), $"invalid {what} {CharacterNames.Quote(atom)}: expected a digit, found {found}");
            return -1;
        }

        while (i < atom.Length)
        {
            var b = atom[i];
            if (b == (byte)'_')
            {
                if (i + 1 >= atom.Length || !char.IsAsciiDigit((char)atom[i + 1]))
                {
                    Underscore(context, atom, i);
                    return -1;
                }
            }
            else if (!char.IsAsciiDigit((char)b))
            {
                break;
            }

            i++;
        }

        if (!leadingZerosAllowed && atom[start] == (byte)'0' && i - start > 1)
        {
            context.Error(start, $"invalid {what} {CharacterNames.Quote(atom)}: leading zeros are not allowed");
            return -1;
        }

        return i;
    }

    private static object? Underscore(in DecodeContext context, ReadOnlySpan<byte> atom, int i)
    {
        context.Error(i, $"invalid number {CharacterNames.Quote(atom)}: an underscore must stand between two digits");
        return null;
    }

    private static object? Unexpected(in DecodeContext context, ReadOnlySpan<byte> atom, int i, string what)
    {
        context.Error(i, $"invalid {what} {CharacterNames.Quote(atom)}: unexpected {CharacterNames.Character(atom[i..])}");
        return null;
    }

    private static object? OutOfRange(in DecodeContext context, ReadOnlySpan<byte> atom)
    {
        context.Error(0, $"integer {CharacterNames.Quote(atom)} is out of range: TOML integers are 64-bit (-9223372036854775808 to 9223372036854775807)");
        return null;
    }

    private static int DigitValue(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };
}
