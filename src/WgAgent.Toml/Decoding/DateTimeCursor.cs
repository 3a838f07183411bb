namespace WgAgent.Toml.Decoding;

/// <summary>A read position in the date-time text with the small steps the grammar needs.</summary>
internal ref struct DateTimeCursor(ReadOnlySpan<byte> text)
{
    private readonly ReadOnlySpan<byte> _text = text;

    public int Index;

    public readonly bool AtEnd => Index >= _text.Length;

    public readonly byte Peek => Index < _text.Length ? _text[Index] : (byte)0;

    public readonly ReadOnlySpan<byte> Rest => _text[Index..];

    public bool Expect(byte b)
    {
        if (Peek != b)
        {
            return false;
        }

        Index++;
        return true;
    }

    public bool Digits(int count, out int value)
    {
        value = 0;
        for (var k = 0; k < count; k++)
        {
            if (AtEnd || !char.IsAsciiDigit((char)Peek))
            {
                return false;
            }

            value = value * 10 + (Peek - '0');
            Index++;
        }

        return true;
    }
}
