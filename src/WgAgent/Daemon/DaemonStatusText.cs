using System.Globalization;

namespace WgAgent.Daemon;

/// <summary>
/// The STATUS= line systemd shows in <c>systemctl status wgagent</c> (sd_notify(3)): one line, the problem first.
/// Pure, so every wording is a table row in the tests.
/// </summary>
public static class DaemonStatusText
{
    /// <summary>The command that explains a broken config (the daemon's journal has the same diagnostics).</summary>
    public const string ConfigCheckHint = "agentctl config check";

    /// <summary>
    /// E.g. <c>kill switch verified; wg0 up 10.77.0.2; exporters bound: node</c>, or
    /// <c>degraded: wg0 not up after 90 s; kill switch verified; exporters not bound</c>.
    /// </summary>
    /// <param name="view">The daemon's state.</param>
    /// <returns>The line (no newline).</returns>
    public static string Compose(DaemonView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var problems = new List<string>();
        if (view.BrokenConfig is { } broken)
        {
            problems.Add($"{broken} is broken, the previous policy is kept (see `{ConfigCheckHint}` or `journalctl -u wgagent`)");
        }

        if (!view.TunnelUp && view.WaitedOut is { } waited)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{view.Interface} not up after {waited.TotalSeconds:0} s"));
        }

        var parts = new List<string> { view.Killswitch };
        if (view.TunnelUp)
        {
            parts.Add($"{view.Interface} up {string.Join(' ', view.TunnelAddresses)}");
        }
        else if (view.WaitedOut is null)
        {
            parts.Add($"waiting for {view.Interface}");
        }

        parts.Add(view.Exporters ?? "exporters not bound");
        var degraded = problems.Count > 0 || !view.KillswitchVerified || !view.ExportersHealthy;
        if (degraded)
        {
            parts.InsertRange(0, problems);
            return "degraded: " + string.Join("; ", parts);
        }

        return string.Join("; ", parts);
    }
}
