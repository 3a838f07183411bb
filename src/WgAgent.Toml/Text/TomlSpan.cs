namespace WgAgent.Toml;

/// <summary>
/// A range of a TOML source, from <see cref="Start"/> (inclusive) to <see cref="End"/> (exclusive), with the
/// path of the file it came from so a later layer can report <c>path:line:col</c> without carrying the path
/// separately.
/// </summary>
public readonly struct TomlSpan : IEquatable<TomlSpan>
{
    /// <summary>Creates a span.</summary>
    /// <param name="sourcePath">The file as the caller named it; null for text that has no file.</param>
    /// <param name="start">The first character.</param>
    /// <param name="end">Just after the last character.</param>
    public TomlSpan(string? sourcePath, TomlPosition start, TomlPosition end)
    {
        SourcePath = sourcePath;
        Start = start;
        End = end;
    }

    /// <summary>The file as the caller named it when parsing; null when none was given.</summary>
    public string? SourcePath { get; }

    /// <summary>The first character of the range.</summary>
    public TomlPosition Start { get; }

    /// <summary>The position just after the range.</summary>
    public TomlPosition End { get; }

    /// <summary>1-based line of <see cref="Start"/>.</summary>
    public int Line => Start.Line;

    /// <summary>1-based column of <see cref="Start"/>.</summary>
    public int Column => Start.Column;

    /// <summary>True for the default value, which no parsed node carries.</summary>
    public bool IsEmpty => Start.Line == 0;

    /// <inheritdoc />
    public bool Equals(TomlSpan other) =>
        string.Equals(SourcePath, other.SourcePath, StringComparison.Ordinal) && Start == other.Start && End == other.End;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is TomlSpan other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(SourcePath, Start, End);

    /// <summary>Renders <c>path:line:column</c> (the path is <c>&lt;input&gt;</c> when there is none).</summary>
    /// <returns>The start of the span as a diagnostic prefix.</returns>
    public override string ToString() => $"{SourcePath ?? TomlDiagnostic.NoSourcePath}:{Start.Line}:{Start.Column}";

    /// <summary>Compares two spans for equality.</summary>
    /// <param name="left">The first span.</param>
    /// <param name="right">The second span.</param>
    /// <returns>True when both cover the same range of the same file.</returns>
    public static bool operator ==(TomlSpan left, TomlSpan right) => left.Equals(right);

    /// <summary>Compares two spans for inequality.</summary>
    /// <param name="left">The first span.</param>
    /// <param name="right">The second span.</param>
    /// <returns>True when they differ.</returns>
    public static bool operator !=(TomlSpan left, TomlSpan right) => !left.Equals(right);
}
