namespace WgAgent.Core.Diagnostics;

/// <summary>
/// Collects the diagnostics of one file while a reader walks it, so a reader reports every problem at
/// once instead of stopping at the first. Not thread-safe; one bag per read.
/// </summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];

    /// <summary>Creates an empty bag for one file.</summary>
    /// <param name="sourcePath">The file as the user named it; stamped on every diagnostic added here.</param>
    public DiagnosticBag(string sourcePath)
    {
        ArgumentNullException.ThrowIfNull(sourcePath);
        SourcePath = sourcePath;
    }

    /// <summary>The file the diagnostics belong to.</summary>
    public string SourcePath { get; }

    /// <summary>How many diagnostics were added.</summary>
    public int Count => _items.Count;

    /// <summary>True when at least one error (not warning) was added.</summary>
    public bool HasErrors { get; private set; }

    /// <summary>Adds a diagnostic made elsewhere (it keeps its own source path).</summary>
    /// <param name="diagnostic">The diagnostic.</param>
    public void Add(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        _items.Add(diagnostic);
        HasErrors |= diagnostic.IsError;
    }

    /// <summary>Adds an error for this bag's file.</summary>
    /// <param name="position">Where the offending text starts.</param>
    /// <param name="keyPath">The structural location, or null.</param>
    /// <param name="message">What is wrong.</param>
    /// <param name="hint">What to do about it, or null.</param>
    public void Error(TextPosition position, string? keyPath, string message, string? hint = null) =>
        Add(Diagnostic.Error(SourcePath, position, keyPath, message, hint));

    /// <summary>Adds a warning for this bag's file.</summary>
    /// <param name="position">Where the questionable text starts.</param>
    /// <param name="keyPath">The structural location, or null.</param>
    /// <param name="message">What looks wrong.</param>
    /// <param name="hint">What to do about it, or null.</param>
    public void Warning(TextPosition position, string? keyPath, string message, string? hint = null) =>
        Add(Diagnostic.Warning(SourcePath, position, keyPath, message, hint));

    /// <summary>
    /// The diagnostics in file order (line, then column; ties keep the order they were added), so output
    /// reads top to bottom even when a check at the end of the file points back at an earlier line.
    /// </summary>
    /// <returns>An immutable snapshot.</returns>
    public IReadOnlyList<Diagnostic> ToSortedList() =>
        _items.Select((diagnostic, index) => (diagnostic, index))
            .OrderBy(item => item.diagnostic.Line)
            .ThenBy(item => item.diagnostic.Column)
            .ThenBy(item => item.index)
            .Select(item => item.diagnostic)
            .ToArray();
}
