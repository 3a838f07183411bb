using System.Globalization;
using System.Text;

namespace WgAgent.Core.Diagnostics;

/// <summary>Helpers that keep user-written values in messages readable and on one line.</summary>
public static class DiagnosticText
{
    /// <summary>Values longer than this are shortened in messages; a diagnostic is one line.</summary>
    public const int MaxQuotedLength = 64;

    /// <summary>
    /// Puts a user-written value in double quotes for a message. Quotes, backslashes and control
    /// characters are escaped (so a value can neither break the line nor hide text on a terminal) and
    /// values longer than <see cref="MaxQuotedLength"/> characters are cut with an ellipsis.
    /// </summary>
    /// <param name="value">The value as the user wrote it.</param>
    /// <returns>The quoted value, e.g. <c>"10.0.0.0/33"</c>.</returns>
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var shortened = value.Length > MaxQuotedLength ? value[..(MaxQuotedLength - 1)] : value;
        var text = new StringBuilder(shortened.Length + 2).Append('"');
        foreach (var c in shortened)
        {
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\t': text.Append("\\t"); break;
                case '\r': text.Append("\\r"); break;
                case '\n': text.Append("\\n"); break;
                default:
                    if (char.IsControl(c) || c == '\u2028' || c == '\u2029' || c == '\uFEFF')
                    {
                        text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        text.Append(c);
                    }
                    break;
            }
        }
        if (shortened.Length < value.Length)
        {
            text.Append('…');
        }
        return text.Append('"').ToString();
    }
}
