using WgAgent.Core.Diagnostics;

namespace WgAgent.Core.WireGuard;

/// <summary>
/// A wg0.conf line the reader keeps but does not interpret: the hooks (<c>PreUp</c>, <c>PostUp</c>,
/// <c>PreDown</c>, <c>PostDown</c>), <c>SaveConfig</c> and unknown keys, with where they were written.
/// </summary>
/// <param name="Section">The section, as in key paths: <c>Interface</c> or <c>Peer[2]</c>.</param>
/// <param name="Key">The key as written.</param>
/// <param name="Value">The value after <c>=</c>, trimmed. For hooks it keeps any <c>#</c> text, as
/// wg-quick(8) passes it to bash unstripped; for other keys the comment is removed.</param>
/// <param name="KeyPosition">Where the key starts.</param>
/// <param name="ValuePosition">Where the value starts.</param>
public sealed record WireGuardRawEntry(
    string Section, string Key, string Value, TextPosition KeyPosition, TextPosition ValuePosition)
{
    /// <summary>
    /// Renders <c>Section.Key (line N)</c> without the value: hook commands can carry tokens or keys, and
    /// this text is meant for logs.
    /// </summary>
    public override string ToString() => $"{Section}.{Key} (line {KeyPosition.Line})";
}
