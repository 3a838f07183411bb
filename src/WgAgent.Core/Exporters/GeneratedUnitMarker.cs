namespace WgAgent.Core.Exporters;

/// <summary>
/// The first line of every unit file and drop-in wgagent writes into systemd's directories. It is the record of
/// ownership: <c>wgagent cleanup</c> removes a file only if it begins with this line, so an operator's own units
/// and drop-ins are never touched, and no separate list can get out of step with the files themselves.
/// </summary>
public static class GeneratedUnitMarker
{
    /// <summary>The line, without its newline.</summary>
    public const string Line = "# Written by wgagent; removed by \"wgagent cleanup\". Do not edit: wgagent rewrites it.";

    /// <summary>True when <paramref name="content"/> begins with the marker line.</summary>
    /// <param name="content">A file's text (its first line is enough).</param>
    /// <returns>Whether wgagent wrote it.</returns>
    public static bool IsOwned(string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return content.StartsWith(Line, StringComparison.Ordinal)
            && (content.Length == Line.Length || content[Line.Length] is '\n' or '\r');
    }
}
