namespace WgAgent.Core.Diagnostics;

/// <summary>
/// A place in a text file: 1-based line and 1-based column. Columns count UTF-16 characters, so a tab is
/// one column, which is what editors that jump to <c>file:line:col</c> expect.
/// </summary>
/// <param name="Line">The 1-based line number.</param>
/// <param name="Column">The 1-based column number.</param>
public readonly record struct TextPosition(int Line, int Column)
{
    /// <summary>The first character of a file, for problems that belong to the file as a whole.</summary>
    public static TextPosition Start { get; } = new(1, 1);

    /// <summary>Renders <c>LINE:COL</c>.</summary>
    public override string ToString() => $"{Line}:{Column}";
}
