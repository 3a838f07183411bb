namespace WgAgent.Toml.Tests.Support;

/// <summary>
/// Finds where a piece of text sits in a document by plain string search, so position tests state their
/// expectation independently of the lexer's own line and column counting.
/// </summary>
internal static class SourceText
{
    /// <summary>1-based line and UTF-16 column of the <paramref name="occurrence"/>-th (0-based) <paramref name="needle"/>.</summary>
    public static (int Line, int Column) Find(string text, string needle, int occurrence = 0)
    {
        var index = -1;
        for (var i = 0; i <= occurrence; i++)
        {
            index = text.IndexOf(needle, index + 1, StringComparison.Ordinal);
            if (index < 0)
            {
                throw new ArgumentException($"'{needle}' occurs fewer than {occurrence + 1} times");
            }
        }

        var lineStart = text.LastIndexOf('\n', Math.Max(0, index - 1)) + 1;
        if (index == 0)
        {
            lineStart = 0;
        }

        var line = text.AsSpan(0, lineStart).Count('\n') + 1;
        return (line, index - lineStart + 1);
    }

    /// <summary>The diagnostics of a parse as <c>line:col: message</c> lines.</summary>
    public static string[] Errors(string toml) =>
        TomlParser.Parse(toml).Diagnostics.Select(d => $"{d.Line}:{d.Column}: {d.Message}").ToArray();
}
