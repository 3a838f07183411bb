namespace WgAgent.Toml;

/// <summary>
/// A place in a TOML source: the byte offset plus the 1-based line and column a person would look for.
/// </summary>
/// <remarks>
/// The column counts UTF-16 code units from the start of the line, the way most editors (and
/// <c>WgAgent.Core</c>'s diagnostics) count, so a tab or a non-ASCII letter is one column and a character
/// outside the Basic Multilingual Plane is two. A skipped byte-order mark is not counted.
/// </remarks>
public readonly struct TomlPosition : IEquatable<TomlPosition>
{
    /// <summary>Creates a position.</summary>
    /// <param name="offset">0-based byte offset into the UTF-8 input.</param>
    /// <param name="line">1-based line.</param>
    /// <param name="column">1-based column (UTF-16 code units).</param>
    public TomlPosition(int offset, int line, int column)
    {
        Offset = offset;
        Line = line;
        Column = column;
    }

    /// <summary>0-based byte offset into the UTF-8 input.</summary>
    public int Offset { get; }

    /// <summary>1-based line number.</summary>
    public int Line { get; }

    /// <summary>1-based column number (UTF-16 code units from the start of the line).</summary>
    public int Column { get; }

    /// <inheritdoc />
    public bool Equals(TomlPosition other) => Offset == other.Offset && Line == other.Line && Column == other.Column;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is TomlPosition other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Offset, Line, Column);

    /// <summary>Renders <c>line:column</c>.</summary>
    /// <returns>The position as people write it.</returns>
    public override string ToString() => $"{Line}:{Column}";

    /// <summary>Compares two positions for equality.</summary>
    /// <param name="left">The first position.</param>
    /// <param name="right">The second position.</param>
    /// <returns>True when both point at the same place.</returns>
    public static bool operator ==(TomlPosition left, TomlPosition right) => left.Equals(right);

    /// <summary>Compares two positions for inequality.</summary>
    /// <param name="left">The first position.</param>
    /// <param name="right">The second position.</param>
    /// <returns>True when they point at different places.</returns>
    public static bool operator !=(TomlPosition left, TomlPosition right) => !left.Equals(right);
}
