namespace WgAgent.Toml;

/// <summary>
/// The one exception the throwing parse API raises: the source was not valid TOML. Carries the first
/// error's file, line and column, and every diagnostic found.
/// </summary>
public sealed class TomlException : Exception
{
    /// <summary>Creates the exception from the diagnostics of a failed parse.</summary>
    /// <param name="diagnostics">At least one diagnostic; the first one is the headline.</param>
    public TomlException(IReadOnlyList<TomlDiagnostic> diagnostics)
        : base(Headline(diagnostics))
    {
        Diagnostics = diagnostics;
        var first = diagnostics[0];
        SourcePath = first.SourcePath;
        Line = first.Line;
        Column = first.Column;
    }

    /// <summary>The file as the caller named it; null when none was given.</summary>
    public string? SourcePath { get; }

    /// <summary>1-based line of the first error.</summary>
    public int Line { get; }

    /// <summary>1-based column of the first error.</summary>
    public int Column { get; }

    /// <summary>Every error found, in source order of discovery.</summary>
    public IReadOnlyList<TomlDiagnostic> Diagnostics { get; }

    private static string Headline(IReadOnlyList<TomlDiagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (diagnostics.Count == 0)
        {
            throw new ArgumentException("A TomlException needs at least one diagnostic.", nameof(diagnostics));
        }

        var first = diagnostics[0].ToString();
        return diagnostics.Count == 1 ? first : $"{first} (and {diagnostics.Count - 1} more)";
    }
}
