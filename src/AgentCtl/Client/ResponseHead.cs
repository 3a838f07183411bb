using System.Buffers.Text;
using System.Text;

namespace AgentCtl.Client;

/// <summary>
/// The head of an HTTP/1.1 response (RFC 9112 §4 status line, §5 fields, §6.3 message body length), as much of it as
/// agentctl needs: the status code, the Content-Length and where the body starts. The daemon always sends
/// Content-Length and never a transfer coding; without a length the body runs to the end of the connection.
/// </summary>
/// <param name="StatusCode">The status code.</param>
/// <param name="ContentLength">The body's length; null when the head gives none (then the body ends at EOF).</param>
/// <param name="Length">Bytes of the head, its blank line included: where the body starts.</param>
public sealed record ResponseHead(int StatusCode, long? ContentLength, int Length)
{
    /// <summary>The longest head accepted; the daemon's are under 200 bytes.</summary>
    public const int MaxLength = 16 * 1024;

    /// <summary>Parses the head at the start of <paramref name="received"/>.</summary>
    /// <param name="received">The bytes received so far.</param>
    /// <param name="head">The head, when complete.</param>
    /// <param name="error">Why the bytes are not an HTTP/1.1 response head, e.g. <c>bad status line "SSH-2.0"</c>.</param>
    /// <returns>False with neither set while the head is incomplete; false with <paramref name="error"/> set when it is
    /// malformed; true with <paramref name="head"/> set when it is complete.</returns>
    public static bool TryParse(ReadOnlySpan<byte> received, out ResponseHead? head, out string? error)
    {
        head = null;
        error = null;
        var end = received.IndexOf("\r\n\r\n"u8);
        if (end < 0)
        {
            error = received.Length > MaxLength ? $"the answer's head is longer than {MaxLength} bytes" : null;
            return false;
        }

        var lines = received[..end];
        var first = lines.IndexOf("\r\n"u8) is var n and >= 0 ? lines[..n] : lines;
        // "HTTP/1.1 200 OK": the version, a space, three digits, then a space and a reason (possibly empty) or nothing.
        if (first.Length < 12 || !first.StartsWith("HTTP/1."u8) || first[8] != (byte)' '
            || !Utf8Parser.TryParse(first.Slice(9, 3), out int status, out var digits) || digits != 3 || status < 100
            || (first.Length > 12 && first[12] != (byte)' '))
        {
            error = $"bad status line \"{Printable(first)}\"";
            return false;
        }

        long? length = null;
        var rest = lines[first.Length..];
        while (rest.Length > 0)
        {
            rest = rest[2..]; // the CRLF before the field
            var next = rest.IndexOf("\r\n"u8);
            var field = next < 0 ? rest : rest[..next];
            rest = next < 0 ? [] : rest[next..];
            var colon = field.IndexOf((byte)':');
            if (colon <= 0)
            {
                error = $"bad header field \"{Printable(field)}\"";
                return false;
            }

            var name = field[..colon];
            var value = field[(colon + 1)..].Trim(" \t"u8);
            if (Ascii.EqualsIgnoreCase(name, "Content-Length"u8))
            {
                if (!Utf8Parser.TryParse(value, out long parsed, out var used) || used != value.Length || parsed < 0 || (length is { } seen && seen != parsed))
                {
                    error = $"bad Content-Length \"{Printable(value)}\"";
                    return false;
                }

                length = parsed;
            }
            else if (Ascii.EqualsIgnoreCase(name, "Transfer-Encoding"u8))
            {
                error = $"unexpected Transfer-Encoding \"{Printable(value)}\"";
                return false;
            }
        }

        head = new ResponseHead(status, length, end + 4);
        return true;
    }

    private static string Printable(ReadOnlySpan<byte> bytes)
    {
        var text = new char[Math.Min(bytes.Length, 80)];
        for (var i = 0; i < text.Length; i++)
        {
            text[i] = bytes[i] is >= 0x20 and < 0x7f ? (char)bytes[i] : '?';
        }

        return new string(text);
    }
}
