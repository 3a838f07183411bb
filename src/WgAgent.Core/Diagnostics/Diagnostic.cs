using System.Text;

namespace WgAgent.Core.Diagnostics;

/// <summary>
/// One problem found in one file, pointing at the offending text. This is the only diagnostic shape the
/// readers and validators produce, so every checker (<c>agentctl config check</c>, the daemon's log, the
/// status API) prints problems the same way: <c>PATH:LINE:COL: error: key.path: message</c>.
/// </summary>
/// <remarks>
/// Immutable. A line of 0 means the problem belongs to the file as a whole (it cannot be pinned to a
/// place); it renders as <c>PATH: error: message</c>. The message must not contain secrets: readers of
/// files that hold keys report that a key is malformed without repeating it.
/// </remarks>
public sealed record Diagnostic
{
    /// <summary>Creates a diagnostic.</summary>
    /// <param name="sourcePath">The file as the user named it (rendered as is).</param>
    /// <param name="line">1-based line, or 0 for the whole file.</param>
    /// <param name="column">1-based column, or 0 when <paramref name="line"/> is 0.</param>
    /// <param name="severity">Error or warning.</param>
    /// <param name="keyPath">Where in the file's structure, e.g. <c>killswitch.allow_lan[1]</c> or
    /// <c>Peer[2].Endpoint</c>; null or empty when there is none.</param>
    /// <param name="message">One sentence saying what is wrong, without a trailing period.</param>
    /// <param name="hint">An optional suggestion of what to write instead.</param>
    /// <exception cref="ArgumentException">A position is negative, a column is given without a line, or
    /// the message is empty or spans several lines.</exception>
    public Diagnostic(string sourcePath, int line, int column, DiagnosticSeverity severity, string? keyPath,
        string message, string? hint = null)
    {
        ArgumentNullException.ThrowIfNull(sourcePath);
        ArgumentException.ThrowIfNullOrEmpty(message);
        ArgumentOutOfRangeException.ThrowIfNegative(line);
        ArgumentOutOfRangeException.ThrowIfNegative(column);
        if (line == 0 && column != 0)
        {
            throw new ArgumentException("A column needs a line.", nameof(column));
        }
        // One diagnostic is one line of output; a newline would let a value forge a second diagnostic.
        if (message.AsSpan().IndexOfAny('\r', '\n') >= 0 || (hint is not null && hint.AsSpan().IndexOfAny('\r', '\n') >= 0))
        {
            throw new ArgumentException("Messages and hints are single lines.", nameof(message));
        }

        SourcePath = sourcePath;
        Line = line;
        Column = column;
        Severity = severity;
        KeyPath = string.IsNullOrEmpty(keyPath) ? null : keyPath;
        Message = message;
        Hint = string.IsNullOrEmpty(hint) ? null : hint;
    }

    /// <summary>The file as the user named it.</summary>
    public string SourcePath { get; }

    /// <summary>1-based line, or 0 when the problem belongs to the whole file.</summary>
    public int Line { get; }

    /// <summary>1-based column (UTF-16 characters), or 0 when <see cref="Line"/> is 0.</summary>
    public int Column { get; }

    /// <summary>Error or warning.</summary>
    public DiagnosticSeverity Severity { get; }

    /// <summary>The structural location, e.g. <c>Interface.ListenPort</c>; null when there is none.</summary>
    public string? KeyPath { get; }

    /// <summary>What is wrong, in one line.</summary>
    public string Message { get; }

    /// <summary>What to do about it, in one line; null when there is nothing useful to add.</summary>
    public string? Hint { get; }

    /// <summary>True for <see cref="DiagnosticSeverity.Error"/>.</summary>
    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <summary>Creates an error at a position.</summary>
    /// <param name="sourcePath">The file as the user named it.</param>
    /// <param name="position">Where the offending text starts.</param>
    /// <param name="keyPath">The structural location, or null.</param>
    /// <param name="message">What is wrong.</param>
    /// <param name="hint">What to do about it, or null.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic Error(string sourcePath, TextPosition position, string? keyPath, string message,
        string? hint = null) =>
        new(sourcePath, position.Line, position.Column, DiagnosticSeverity.Error, keyPath, message, hint);

    /// <summary>Creates a warning at a position.</summary>
    /// <param name="sourcePath">The file as the user named it.</param>
    /// <param name="position">Where the questionable text starts.</param>
    /// <param name="keyPath">The structural location, or null.</param>
    /// <param name="message">What looks wrong.</param>
    /// <param name="hint">What to do about it, or null.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic Warning(string sourcePath, TextPosition position, string? keyPath, string message,
        string? hint = null) =>
        new(sourcePath, position.Line, position.Column, DiagnosticSeverity.Warning, keyPath, message, hint);

    /// <summary>
    /// Renders <c>PATH:LINE:COL: error: key.path: message</c> (<c>warning:</c> for warnings; without
    /// <c>key.path: </c> when there is none; <c>PATH: error: ...</c> for a whole-file problem). The hint is
    /// not included; see <see cref="Format(bool)"/>.
    /// </summary>
    public override string ToString() => Format(includeHint: false);

    /// <summary>
    /// Renders the diagnostic line and, when asked and present, the hint on a second line as
    /// <c>  hint: ...</c>, the way the CLIs print it.
    /// </summary>
    /// <param name="includeHint">Whether to append the hint line.</param>
    /// <returns>One line, or two joined by <c>\n</c>.</returns>
    public string Format(bool includeHint)
    {
        var text = new StringBuilder(SourcePath.Length + Message.Length + 48);
        text.Append(SourcePath);
        if (Line > 0)
        {
            text.Append(':').Append(Line).Append(':').Append(Column);
        }
        text.Append(": ").Append(Severity == DiagnosticSeverity.Error ? "error" : "warning").Append(": ");
        if (KeyPath is not null)
        {
            text.Append(KeyPath).Append(": ");
        }
        text.Append(Message);
        if (includeHint && Hint is not null)
        {
            text.Append("\n  hint: ").Append(Hint);
        }
        return text.ToString();
    }
}
