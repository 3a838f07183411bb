using System.Globalization;
using System.Text.RegularExpressions;
using WgAgent.Lab.Nspawn;
using WgAgent.Lab.Processes;

namespace WgAgent.System.Tests.Daemon;

/// <summary>What <c>systemd-analyze security UNIT</c> says about a unit's sandbox (0 = locked down, 10 = none).</summary>
/// <param name="Unit">The unit.</param>
/// <param name="Result">The command's result; its stdout is the full table.</param>
/// <param name="Exposure">The "Overall exposure level", or null when the line is missing.</param>
public sealed partial record SecurityReport(string Unit, CommandResult Result, double? Exposure)
{
    /// <summary>The ceiling the project holds its units to (tailscaled rates 9.6, Debian's systemd-networkd 2.8).</summary>
    public const double MaxExposure = 2.5;

    /// <summary>The table's rows, without the exposure line (which names the unit): comparable between two units.</summary>
    public IReadOnlyList<string> Rows =>
        Result.Stdout.Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0 && !ExposureLine().IsMatch(l)).ToList();

    /// <summary>Runs the analysis of <paramref name="unit"/> inside <paramref name="host"/>.</summary>
    public static async Task<SecurityReport> OfAsync(BootedHost host, string unit)
    {
        var result = await host.ExecAsync(["systemd-analyze", "security", "--no-pager", unit]);
        var match = ExposureLine().Match(result.Stdout);
        double? exposure = match.Success ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null;
        return new SecurityReport(unit, result, exposure);
    }

    [GeneratedRegex(@"Overall exposure level for \S+: (\d+\.\d+)")]
    private static partial Regex ExposureLine();
}
