using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Unicode;
using WgAgent.Toml.Diagnostics;
using WgAgent.Toml.Semantics;
using WgAgent.Toml.Syntax;
using WgAgent.Toml.Text;

namespace WgAgent.Toml;

/// <summary>
/// Parses TOML 1.0.0. The pipeline: UTF-8 bytes (validated, one leading byte-order mark skipped) → tokens
/// → syntax with spans → semantic checks → the model (<see cref="TomlTable"/>, <see cref="TomlArray"/>,
/// <see cref="TomlTableArray"/>, scalars). Errors are collected as <see cref="TomlDiagnostic"/>s; only
/// <see cref="ToModel(ReadOnlySpan{byte}, string?)"/> throws, and only <see cref="TomlException"/>.
/// </summary>
/// <remarks>
/// Pure: no I/O. The caller reads the file (as bytes, so invalid UTF-8 is caught rather than silently
/// replaced) and passes the path only for messages. Thread-safe: every call is independent.
/// </remarks>
public static class TomlParser
{
    /// <summary>
    /// How deeply tables, arrays and inline tables may nest. TOML sets no limit; toml-test recommends one,
    /// because a short hostile document could otherwise exhaust memory or the stack. No real document
    /// comes close.
    /// </summary>
    public const int MaxDepth = 128;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Parses UTF-8 TOML. Never throws.</summary>
    /// <param name="utf8">The source bytes; one leading byte-order mark is allowed.</param>
    /// <param name="sourcePath">The file name to put in diagnostics and spans; null for none.</param>
    /// <returns>The document or the diagnostics.</returns>
    public static TomlParseResult Parse(ReadOnlySpan<byte> utf8, string? sourcePath = null)
    {
        var diagnostics = new DiagnosticBag(sourcePath);
        var start = utf8.StartsWith("\uFEFF"u8) ? 3 : 0;
        if (!Utf8.IsValid(utf8))
        {
            ReportInvalidUtf8(utf8, start, diagnostics);
            return new TomlParseResult(null, diagnostics.Items);
        }

        var builder = new ModelBuilder(diagnostics, new TomlPosition(start, 1, 1));
        var parser = new TomlSyntaxParser(utf8, start, diagnostics, builder);
        parser.ParseDocument();
        return new TomlParseResult(diagnostics.HasErrors ? null : builder.Root, diagnostics.Items);
    }

    /// <summary>Parses TOML held in a string. Never throws.</summary>
    /// <param name="text">The source text.</param>
    /// <param name="sourcePath">The file name to put in diagnostics and spans; null for none.</param>
    /// <returns>The document or the diagnostics.</returns>
    public static TomlParseResult Parse(string text, string? sourcePath = null)
    {
        text ??= string.Empty;
        byte[] bytes;
        try
        {
            bytes = StrictUtf8.GetBytes(text);
        }
        catch (EncoderFallbackException e)
        {
            // A string with an unpaired surrogate has no UTF-8 form; report where it is.
            var diagnostics = new DiagnosticBag(sourcePath);
            var prefix = Encoding.UTF8.GetBytes(text.AsSpan(0, Math.Clamp(e.Index, 0, text.Length)).ToString());
            var at = PositionCounter.FromStart(prefix, 0, prefix.Length);
            diagnostics.Report(at, "the text contains an unpaired UTF-16 surrogate, which has no UTF-8 form");
            return new TomlParseResult(null, diagnostics.Items);
        }

        return Parse(bytes, sourcePath);
    }

    /// <summary>Parses UTF-8 TOML. Never throws.</summary>
    /// <param name="utf8">The source bytes.</param>
    /// <param name="sourcePath">The file name for diagnostics; null for none.</param>
    /// <param name="document">The root table on success.</param>
    /// <param name="diagnostics">The errors; empty on success.</param>
    /// <returns>True when the source was valid TOML.</returns>
    public static bool TryParse(ReadOnlySpan<byte> utf8, string? sourcePath, [NotNullWhen(true)] out TomlTable? document,
        out IReadOnlyList<TomlDiagnostic> diagnostics)
    {
        var result = Parse(utf8, sourcePath);
        document = result.Document;
        diagnostics = result.Diagnostics;
        return document is not null;
    }

    /// <summary>Parses TOML held in a string. Never throws.</summary>
    /// <param name="text">The source text; null counts as empty.</param>
    /// <param name="sourcePath">The file name for diagnostics; null for none.</param>
    /// <param name="document">The root table on success.</param>
    /// <param name="diagnostics">The errors; empty on success.</param>
    /// <returns>True when the source was valid TOML.</returns>
    public static bool TryParse(string? text, string? sourcePath, [NotNullWhen(true)] out TomlTable? document,
        out IReadOnlyList<TomlDiagnostic> diagnostics)
    {
        var result = Parse(text ?? string.Empty, sourcePath);
        document = result.Document;
        diagnostics = result.Diagnostics;
        return document is not null;
    }

    /// <summary>Parses UTF-8 TOML, throwing on error (the name follows Tomlyn's <c>Toml.ToModel</c>).</summary>
    /// <param name="utf8">The source bytes.</param>
    /// <param name="sourcePath">The file name for diagnostics; null for none.</param>
    /// <returns>The root table.</returns>
    /// <exception cref="TomlException">The source is not valid TOML.</exception>
    public static TomlTable ToModel(ReadOnlySpan<byte> utf8, string? sourcePath = null) => Parse(utf8, sourcePath).GetDocumentOrThrow();

    /// <summary>Parses TOML held in a string, throwing on error.</summary>
    /// <param name="text">The source text.</param>
    /// <param name="sourcePath">The file name for diagnostics; null for none.</param>
    /// <returns>The root table.</returns>
    /// <exception cref="TomlException">The source is not valid TOML.</exception>
    public static TomlTable ToModel(string text, string? sourcePath = null) => Parse(text, sourcePath).GetDocumentOrThrow();

    private static void ReportInvalidUtf8(ReadOnlySpan<byte> utf8, int start, DiagnosticBag diagnostics)
    {
        var offset = 0;
        while (offset < utf8.Length && Rune.DecodeFromUtf8(utf8[offset..], out _, out var consumed) == OperationStatus.Done)
        {
            offset += consumed;
        }

        var at = PositionCounter.FromStart(utf8, start, Math.Max(offset, start));
        var utf16 = utf8.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) || utf8.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])
            ? " (this looks like UTF-16)" : string.Empty;
        diagnostics.Report(at, $"invalid UTF-8: unexpected byte 0x{utf8[offset]:X2}; TOML files must be UTF-8{utf16}");
    }
}
