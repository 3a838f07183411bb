namespace WgAgent.Toml;

/// <summary>How a <see cref="TomlTable"/> came to exist; TOML's redefinition rules turn on it.</summary>
internal enum TableOrigin : byte
{
    /// <summary>The document itself.</summary>
    Root,

    /// <summary>Named as a parent by a header (<c>[a.b]</c> creates <c>a</c>); a header may still define it once.</summary>
    Implicit,

    /// <summary>Defined by a <c>[header]</c>; may not be defined again, nor extended by dotted keys.</summary>
    Header,

    /// <summary>Created by dotted keys (<c>a.b = 1</c> creates <c>a</c>); no header may define it.</summary>
    Dotted,

    /// <summary>An inline table <c>{ ... }</c>: closed once written.</summary>
    Inline,

    /// <summary>One element of an array of tables (<c>[[a]]</c>).</summary>
    ArrayElement,
}
