using System.Text;

namespace WgAgent.Core.Status;

/// <summary>ANSI SGR colors (ECMA-48) that turn into nothing when color is off, so one code path writes both views.</summary>
internal sealed class TerminalStyle(bool color)
{
    private const string Reset = "\e[0m";

    public string Bold(string text) => Wrap("\e[1m", text);

    public string Dim(string text) => Wrap("\e[2m", text);

    public string Good(string text) => Wrap("\e[32m", text);

    public string Warn(string text) => Wrap("\e[33m", text);

    public string Bad(string text) => Wrap("\e[31m", text);

    public string Label(string text) => Wrap("\e[1m", text);

    public string Headline(AgentState state, string text) => state switch
    {
        AgentState.Ok => Wrap("\e[1;32m", text),
        AgentState.Starting => Wrap("\e[1;36m", text),
        AgentState.Degraded => Wrap("\e[1;33m", text),
        _ => Wrap("\e[1;31m", text),
    };

    /// <summary>Terminal text from the daemon (messages quote values from files): control characters become
    /// <c>?</c> so a value can neither move the cursor nor forge colors.</summary>
    public static string Clean(string text)
    {
        if (!text.Any(char.IsControl))
        {
            return text;
        }
        var clean = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            clean.Append(char.IsControl(c) ? '?' : c);
        }
        return clean.ToString();
    }

    private string Wrap(string code, string text) => color ? code + text + Reset : text;
}
