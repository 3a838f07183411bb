using WgAgent.Core.Diagnostics;

namespace WgAgent.Core.WireGuard;

/// <summary>One lexed wg0.conf line with the positions of its parts.</summary>
/// <param name="Kind">The shape of the line.</param>
/// <param name="Text">For a header or a malformed line, its text without comment and surrounding space;
/// for an entry, the key.</param>
/// <param name="TextPosition">Where <paramref name="Text"/> starts.</param>
/// <param name="Value">For an entry, the value without comment and surrounding space.</param>
/// <param name="ValuePosition">Where the value starts (just after <c>=</c> when it is empty).</param>
/// <param name="RawValue">For an entry, the value with any <c>#</c> text kept (what wg-quick passes to
/// bash for hooks).</param>
internal sealed record ConfigLine(
    ConfigLineKind Kind, string Text, TextPosition TextPosition, string Value, TextPosition ValuePosition,
    string RawValue);
