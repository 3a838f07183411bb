namespace WgAgent.Core.Diagnostics;

/// <summary>How bad a <see cref="Diagnostic"/> is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>The file cannot be used as written; the reader returns no model.</summary>
    Error,

    /// <summary>The file can be used, but something in it is probably not what its author meant.</summary>
    Warning,
}
