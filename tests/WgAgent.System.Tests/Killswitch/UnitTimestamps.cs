using System.Globalization;
using WgAgent.Lab.Nspawn;

namespace WgAgent.System.Tests.Killswitch;

/// <summary>A unit's process timestamps from systemd itself (systemctl show, CLOCK_MONOTONIC microseconds).</summary>
/// <param name="MainStart">ExecMainStartTimestampMonotonic: the main process was forked.</param>
/// <param name="MainExit">ExecMainExitTimestampMonotonic: it exited (0 while it runs or never ran).</param>
public sealed record UnitTimestamps(long MainStart, long MainExit)
{
    /// <summary>Reads them for <paramref name="unit"/> inside <paramref name="host"/>.</summary>
    public static async Task<UnitTimestamps> ReadAsync(BootedHost host, string unit)
    {
        var show = (await host.ExecAsync(["systemctl", "show", unit, "--property=ExecMainStartTimestampMonotonic,ExecMainExitTimestampMonotonic"]))
            .EnsureSuccess().Stdout;
        var values = show.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('=', 2))
            .ToDictionary(kv => kv[0], kv => long.Parse(kv[1], NumberStyles.None, CultureInfo.InvariantCulture), StringComparer.Ordinal);
        return new UnitTimestamps(values["ExecMainStartTimestampMonotonic"], values["ExecMainExitTimestampMonotonic"]);
    }
}
