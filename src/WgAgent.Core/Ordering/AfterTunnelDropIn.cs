using System.Text;
using WgAgent.Core.Config;
using WgAgent.Core.Exporters;

namespace WgAgent.Core.Ordering;

/// <summary>
/// The drop-in that makes a unit listed in <c>[ordering] after_tunnel</c> start only after wgagent is ready
/// (issue 5): its place below a unit directory and its text. Pure and deterministic, so an unchanged drop-in is
/// recognised as such and never rewritten, and the golden files in the tests show every change to it.
/// </summary>
public static class AfterTunnelDropIn
{
    /// <summary>
    /// The file name inside <c>&lt;unit&gt;.d/</c>. <c>Wants=</c> and <c>After=</c> are lists that every drop-in adds
    /// to (systemd.unit(5)), so unlike the exporter drop-in this one does not need to sort after anything.
    /// </summary>
    public const string FileName = "wgagent-after-tunnel.conf";

    /// <summary>The unit the drop-in makes the listed unit wait for.</summary>
    public const string AgentUnit = "wgagent.service";

    /// <summary>The drop-in's path relative to the unit directory, e.g. <c>docker.service.d/wgagent-after-tunnel.conf</c>.</summary>
    /// <param name="unit">The unit that waits.</param>
    /// <returns>The '/'-separated relative path.</returns>
    public static string RelativePath(SystemdUnitName unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return $"{unit.Value}.d/{FileName}";
    }

    /// <summary>True for a relative path of the drop-in's shape: <c>&lt;a unit name&gt;.d/wgagent-after-tunnel.conf</c>.</summary>
    /// <param name="relativePath">A path relative to the unit directory, '/'-separated.</param>
    /// <returns>Whether the after-tunnel binder manages a file at this path (ownership still needs the marker).</returns>
    public static bool IsAfterTunnelFile(string relativePath)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        return relativePath.Split('/') is [var dir, FileName]
            && dir.EndsWith(".d", StringComparison.Ordinal)
            && SystemdUnitName.TryParse(dir[..^2], out _, out _);
    }

    /// <summary>The unit a path of <see cref="IsAfterTunnelFile"/>'s shape belongs to; null for any other path.</summary>
    /// <param name="relativePath">A path relative to the unit directory.</param>
    /// <returns>The unit, e.g. <c>docker.service</c>.</returns>
    public static SystemdUnitName? UnitOf(string relativePath) =>
        IsAfterTunnelFile(relativePath) && SystemdUnitName.TryParse(relativePath.Split('/')[0][..^2], out var unit, out _) ? unit : null;

    /// <summary>Renders the drop-in for <paramref name="unit"/>.</summary>
    /// <param name="unit">The unit that waits (validated by the config reader: not wgagent's own start-up chain).</param>
    /// <returns>The file, at <see cref="RelativePath"/>; its first line is <see cref="GeneratedUnitMarker.Line"/>.</returns>
    public static UnitFile Render(SystemdUnitName unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var text = new StringBuilder(GeneratedUnitMarker.Line).Append('\n')
            .Append("# ").Append(unit.Value).Append(" is listed in [ordering] after_tunnel of /etc/wgagent.toml: it starts only once\n")
            .Append("# ").Append(AgentUnit).Append(" is ready (the WireGuard tunnel up with its address, the exporters bound), or once\n")
            .Append("# wgagent stopped waiting for the tunnel (wireguard.wait_timeout_seconds). Take the unit out of that list\n")
            .Append("# rather than editing this file.\n")
            .Append("[Unit]\n")
            .Append("# Wants=, not Requires=: starting this unit pulls wgagent in (an ordering against a unit that is not part of\n")
            .Append("# the transaction orders nothing), but stopping, restarting or failing wgagent never stops or restarts this\n")
            .Append("# unit (systemd.unit(5), Wants=). At boot both are started, and the After= below holds.\n")
            .Append("Wants=").Append(AgentUnit).Append('\n')
            .Append("# wgagent.service is Type=notify: a unit ordered after it waits for its READY=1, not only for its process\n")
            .Append("# to be forked (systemd.service(5), Type=).\n")
            .Append("After=").Append(AgentUnit).Append('\n');
        return new UnitFile(RelativePath(unit), text.ToString());
    }
}
