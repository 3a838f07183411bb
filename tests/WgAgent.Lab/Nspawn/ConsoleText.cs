using System.Text.RegularExpressions;

namespace WgAgent.Lab.Nspawn;

/// <summary>Makes console output readable in an error message: no ANSI colour codes, no carriage returns.</summary>
internal static partial class ConsoleText
{
    /// <summary>Removes ANSI escape sequences and carriage returns.</summary>
    public static string Clean(string text) => AnsiEscape().Replace(text, string.Empty).Replace("\r", string.Empty, StringComparison.Ordinal);

    [GeneratedRegex(@"\x1b\[[0-9;?]*[A-Za-z]")]
    private static partial Regex AnsiEscape();
}
