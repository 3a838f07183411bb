namespace WgAgent.Status.Http;

/// <summary>The character classes of HTTP's grammar that the request parser needs (RFC 9110 §5.5, §5.6.2).</summary>
internal static class HttpSyntax
{
    // tchar (RFC 9110 §5.6.2).
    public static int TokenLength(ReadOnlySpan<byte> span)
    {
        var i = 0;
        while (i < span.Length && IsTokenChar(span[i]))
        {
            i++;
        }

        return i;
    }

    public static bool IsTokenChar(byte b) =>
        b is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'0' and <= (byte)'9')
            or (byte)'!' or (byte)'#' or (byte)'$' or (byte)'%' or (byte)'&' or (byte)'\'' or (byte)'*' or (byte)'+'
            or (byte)'-' or (byte)'.' or (byte)'^' or (byte)'_' or (byte)'`' or (byte)'|' or (byte)'~';

    public static bool IsDigit(byte b) => b is >= (byte)'0' and <= (byte)'9';

    // field-value: VCHAR, obs-text, SP and HTAB (RFC 9110 §5.5); CR, LF, NUL and other controls are refused.
    public static bool IsFieldValue(ReadOnlySpan<byte> value)
    {
        foreach (var b in value)
        {
            if (b is < 0x20 and not (byte)'\t' or 0x7f)
            {
                return false;
            }
        }

        return true;
    }
}
