using WgAgent.Core.Diagnostics;
using WgAgent.Toml;

namespace WgAgent.Core.Config;

/// <summary>What one read of the config collects: the diagnostics, and where each value was written.</summary>
internal sealed class ConfigReadContext(string sourcePath)
{
    private readonly Dictionary<string, TextPosition> _positions = new(StringComparer.Ordinal);

    public DiagnosticBag Diagnostics { get; } = new(sourcePath);

    public IReadOnlyDictionary<string, TextPosition> Positions => _positions;

    public void Record(string keyPath, TomlSpan span) => _positions[keyPath] = At(span);

    public void Error(TomlSpan span, string keyPath, string message, string? hint = null) =>
        Diagnostics.Error(At(span), keyPath, message, hint);

    public void Warning(TomlSpan span, string keyPath, string message, string? hint = null) =>
        Diagnostics.Warning(At(span), keyPath, message, hint);

    private static TextPosition At(TomlSpan span) => span.IsEmpty ? TextPosition.Start : new TextPosition(span.Line, span.Column);
}
