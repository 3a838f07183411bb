using System.Diagnostics.CodeAnalysis;
using WgAgent.Core.Diagnostics;

namespace WgAgent.Core.WireGuard;

/// <summary>
/// A WireGuard public key: 32 bytes, written as 44 characters of standard base64 ending in <c>=</c>, the
/// only form wg(8) reads or prints. Immutable.
/// </summary>
/// <remarks>
/// Only public keys become instances of this type. Private and preshared keys are checked with
/// <see cref="IsWellFormed"/> and then dropped: the agent never needs them, so it never holds them.
/// </remarks>
public sealed class WireGuardKey : IEquatable<WireGuardKey>
{
    /// <summary>The key length in bytes.</summary>
    public const int ByteLength = 32;

    /// <summary>The length of the base64 text, padding included.</summary>
    public const int TextLength = 44;

    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    private readonly byte[] _bytes;
    private readonly string _text;

    private WireGuardKey(byte[] bytes, string text)
    {
        _bytes = bytes;
        _text = text;
    }

    /// <summary>A copy of the 32 key bytes.</summary>
    /// <returns>A new array.</returns>
    public byte[] ToArray() => (byte[])_bytes.Clone();

    /// <summary>Parses the base64 text of a public key.</summary>
    /// <param name="text">The text, exactly.</param>
    /// <param name="key">The key when the text is one.</param>
    /// <param name="error">Why it is not, quoting the text (so never use this for a secret key).</param>
    /// <returns>True when <paramref name="text"/> is a key.</returns>
    public static bool TryParse(string? text, [NotNullWhen(true)] out WireGuardKey? key,
        [NotNullWhen(false)] out string? error)
    {
        text ??= "";
        var reason = Check(text);
        if (reason is not null)
        {
            key = null;
            error = $"{DiagnosticText.Quote(text)} is not a WireGuard key: {reason}";
            return false;
        }
        key = new WireGuardKey(Convert.FromBase64String(text), text);
        error = null;
        return true;
    }

    /// <summary>Parses a public key, throwing on bad input (for text the program itself got from wg).</summary>
    /// <param name="text">The text.</param>
    /// <returns>The key.</returns>
    /// <exception cref="FormatException">The text is not a key.</exception>
    public static WireGuardKey Parse(string text) =>
        TryParse(text, out var key, out var error) ? key : throw new FormatException(error);

    /// <summary>
    /// Checks the form of a key without keeping it, for secrets (private and preshared keys).
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="reason">Why it is not a key; it never contains any part of <paramref name="text"/>.</param>
    /// <returns>True when the text is a well-formed key.</returns>
    public static bool IsWellFormed(string? text, [NotNullWhen(false)] out string? reason)
    {
        reason = Check(text ?? "");
        return reason is null;
    }

    /// <summary>The base64 text, as wg(8) prints it.</summary>
    public override string ToString() => _text;

    /// <inheritdoc/>
    public bool Equals(WireGuardKey? other) => other is not null && _bytes.AsSpan().SequenceEqual(other._bytes);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as WireGuardKey);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(_bytes);
        return hash.ToHashCode();
    }

    // Mirrors wg(8)'s key_from_base64: exactly 43 alphabet characters and one "=", with the unused low
    // bits of the last character zero, so each key has exactly one spelling. Reasons name positions,
    // never characters, because the same check runs on private keys.
    private static string? Check(string text)
    {
        if (text.Length != TextLength || text[TextLength - 1] != '=')
        {
            return $"a key is {TextLength} base64 characters ending in \"=\" ({ByteLength} bytes), this is {text.Length} characters";
        }
        for (var i = 0; i < TextLength - 1; i++)
        {
            if (!Alphabet.Contains(text[i]))
            {
                return $"character {i + 1} is not a base64 character";
            }
        }
        // 43 characters carry 258 bits; the last 2 must be zero for the text to be the canonical encoding.
        if ((Alphabet.IndexOf(text[TextLength - 2]) & 0b11) != 0)
        {
            return "its last character before \"=\" sets padding bits, so it is not the base64 of 32 bytes";
        }
        return null;
    }
}
