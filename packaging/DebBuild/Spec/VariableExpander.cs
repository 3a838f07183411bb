namespace WgAgent.DebBuild.Spec;

/// <summary>
/// Expands <c>${NAME}</c> in a spec value. Pure: the values come from a lookup the caller builds (command-line
/// variables over the environment). An unset variable is an error, never an empty string, because an empty ARCH or
/// VERSION would still build a package, just a wrong one.
/// </summary>
public sealed class VariableExpander
{
    private readonly Func<string, string?> _lookup;

    /// <summary>Creates an expander over <paramref name="lookup"/>, which returns null for an unset variable.</summary>
    public VariableExpander(Func<string, string?> lookup) => _lookup = lookup;

    /// <summary>
    /// Replaces every <c>${NAME}</c> in <paramref name="text"/>. Any other <c>$</c> is an error: nfpm (Go's os.Expand)
    /// would expand <c>$NAME</c> and <c>$$</c> too, so rejecting them keeps nfpm and this builder reading the file alike.
    /// </summary>
    /// <returns>True and the expanded text; or false and a message naming the first problem.</returns>
    public bool TryExpand(string text, out string expanded, out string? error)
    {
        var result = new System.Text.StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var dollar = text.IndexOf('$', i);
            if (dollar < 0)
            {
                result.Append(text, i, text.Length - i);
                break;
            }
            result.Append(text, i, dollar - i);
            var close = dollar + 1 < text.Length && text[dollar + 1] == '{' ? text.IndexOf('}', dollar + 2) : -1;
            var name = close < 0 ? null : text[(dollar + 2)..close];
            if (name is null || !IsName(name))
            {
                expanded = text;
                error = $"'$' at offset {dollar} does not start a ${{NAME}} variable (write variables as ${{NAME}}; nfpm has no escape for a literal '$')";
                return false;
            }
            var value = _lookup(name);
            if (value is null)
            {
                expanded = text;
                error = $"variable ${{{name}}} is not set (pass --var {name}=VALUE or set it in the environment)";
                return false;
            }
            result.Append(value);
            i = close + 1;
        }
        expanded = result.ToString();
        error = null;
        return true;
    }

    /// <summary>Whether <paramref name="text"/> contains a <c>$</c> at all (a variable nfpm would not expand there).</summary>
    public static bool MentionsVariable(string text) => text.Contains('$');

    private static bool IsName(string name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_')
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
