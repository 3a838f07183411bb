using System.Text.RegularExpressions;
using WgAgent.Lab.Processes;

namespace WgAgent.System.Tests.Package;

/// <summary>Reads what apt-get and the maintainer scripts printed, for the lines an operator would have to worry about.</summary>
public static partial class AptOutput
{
    /// <summary>
    /// Lines of stdout and stderr that warn or report an error: apt's "W:"/"E:"/"N:" lines, dpkg's warnings, and any
    /// line with warning, error, fail, cannot, could not or unable (the maintainer scripts' own warnings start with
    /// "wgagent: " and say "failed").
    /// </summary>
    public static IReadOnlyList<string> AlarmingLines(CommandResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return (result.Stdout + "\n" + result.Stderr)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => Alarming().IsMatch(line))
            .ToList();
    }

    /// <summary>The output without dpkg's "(Reading database ... N%" progress, for the test output.</summary>
    public static string Readable(CommandResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return Progress().Replace(result.Stdout + result.Stderr, "(Reading database ...").Trim();
    }

    [GeneratedRegex(@"^(?:[WEN]:|dpkg: )|\b(?:warning|error|fail(?:ed|s|ure)?|cannot|could not|unable)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Alarming();

    [GeneratedRegex(@"(?:\(Reading database \.\.\. (?:\d+%)?)+")]
    private static partial Regex Progress();
}
