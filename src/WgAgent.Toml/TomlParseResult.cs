namespace WgAgent.Toml;

/// <summary>The outcome of a parse: the document, or null and at least one diagnostic.</summary>
public sealed class TomlParseResult
{
    internal TomlParseResult(TomlTable? document, IReadOnlyList<TomlDiagnostic> diagnostics)
    {
        Document = document;
        Diagnostics = diagnostics;
    }

    /// <summary>The root table; null when the source had errors (a partial document is never returned).</summary>
    public TomlTable? Document { get; }

    /// <summary>Every error found, in the order found; empty exactly when <see cref="Document"/> is set.</summary>
    public IReadOnlyList<TomlDiagnostic> Diagnostics { get; }

    /// <summary>True when the source was valid TOML.</summary>
    public bool Success => Document is not null;

    /// <summary>The document, or a <see cref="TomlException"/> carrying the diagnostics.</summary>
    /// <returns>The root table.</returns>
    /// <exception cref="TomlException">The source had errors.</exception>
    public TomlTable GetDocumentOrThrow() => Document ?? throw new TomlException(Diagnostics);
}
