namespace WgAgent.Toml.Diagnostics;

/// <summary>
/// Collects the errors of one parse. Stops accepting after <see cref="MaxErrors"/> so a garbage input (a
/// binary file, a wrong encoding) yields a readable list instead of one error per byte.
/// </summary>
internal sealed class DiagnosticBag
{
    /// <summary>How many errors one parse reports at most (one more says that it stopped).</summary>
    public const int MaxErrors = 100;

    private readonly List<TomlDiagnostic> _items = new();

    public DiagnosticBag(string? sourcePath) => SourcePath = sourcePath;

    public string? SourcePath { get; }

    public int Count => _items.Count;

    public bool HasErrors => _items.Count > 0;

    /// <summary>True once the cap is reached; the parser stops then.</summary>
    public bool IsFull => _items.Count > MaxErrors;

    public IReadOnlyList<TomlDiagnostic> Items => _items;

    /// <summary>
    /// While set, reports are dropped: the parser sets it while it skips the rest of a broken statement, whose
    /// remaining text would only produce echoes of the first error.
    /// </summary>
    public bool Muted { get; set; }

    public void Report(TomlPosition start, TomlPosition end, string message)
    {
        if (Muted || _items.Count > MaxErrors)
        {
            return;
        }

        if (_items.Count == MaxErrors)
        {
            _items.Add(new TomlDiagnostic(new TomlSpan(SourcePath, start, end), $"too many errors (more than {MaxErrors}); stopped here"));
            return;
        }

        _items.Add(new TomlDiagnostic(new TomlSpan(SourcePath, start, end), message));
    }

    public void Report(TomlPosition at, string message) => Report(at, at, message);

    public void Report(TomlSpan span, string message) => Report(span.Start, span.End, message);
}
