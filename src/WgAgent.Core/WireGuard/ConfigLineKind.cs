namespace WgAgent.Core.WireGuard;

/// <summary>The shape of one wg0.conf line, before any meaning is given to it.</summary>
internal enum ConfigLineKind
{
    /// <summary>Empty, whitespace or a comment only.</summary>
    Blank,

    /// <summary>Starts with <c>[</c>: a section header (valid or not).</summary>
    Section,

    /// <summary><c>Key = Value</c>.</summary>
    Entry,

    /// <summary>Text without <c>=</c> that is not a header.</summary>
    Malformed,
}
