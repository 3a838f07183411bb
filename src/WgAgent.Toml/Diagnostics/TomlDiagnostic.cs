namespace WgAgent.Toml;

/// <summary>
/// One error found in a TOML source, pointing at the offending character. Renders exactly as
/// <c>path:line:col: error: message</c> with a 1-based line and column.
/// </summary>
public sealed class TomlDiagnostic
{
    /// <summary>What <see cref="ToString"/> prints in place of a path when the source has none.</summary>
    public const string NoSourcePath = "<input>";

    /// <summary>Creates a diagnostic; later layers use this to report problems at a node's span.</summary>
    /// <param name="span">Where the problem is; its start is what gets printed.</param>
    /// <param name="message">One line saying what is wrong.</param>
    public TomlDiagnostic(TomlSpan span, string message)
    {
        ArgumentException.ThrowIfNullOrEmpty(message);
        Span = span;
        Message = message;
    }

    /// <summary>Where the problem is.</summary>
    public TomlSpan Span { get; }

    /// <summary>What is wrong, in one line, without the position prefix.</summary>
    public string Message { get; }

    /// <summary>The file as the caller named it; null when none was given.</summary>
    public string? SourcePath => Span.SourcePath;

    /// <summary>1-based line of the offending character.</summary>
    public int Line => Span.Start.Line;

    /// <summary>1-based column of the offending character.</summary>
    public int Column => Span.Start.Column;

    /// <summary>Renders <c>path:line:col: error: message</c>.</summary>
    /// <returns>The diagnostic as one line.</returns>
    public override string ToString() => $"{SourcePath ?? NoSourcePath}:{Line}:{Column}: error: {Message}";
}
