using System.Diagnostics.CodeAnalysis;
using WgAgent.Core.Config;

namespace WgAgent.Core.Exporters;

/// <summary>
/// The exporter units wgagent can bind to the WireGuard address by itself. An exporter whose unit is not here is
/// left as it is and reported (<see cref="ExporterBindingPlanner"/>): wgagent does not guess another program's
/// command line, and a wrong guess would either break the exporter or leave it on every address.
/// </summary>
/// <remarks>
/// Each entry is checked against the Debian 12 package: its unit file (all three: <c>User=prometheus</c>,
/// <c>EnvironmentFile=/etc/default/&lt;package&gt;</c>, <c>ExecStart=/usr/bin/&lt;package&gt; $ARGS</c>) and its binary,
/// started by <c>systemd-socket-activate</c> with two listening sockets (127.0.0.1 and [::1]) and
/// <c>--web.systemd-socket</c>: each served /metrics on both. Their exporter-toolkit then ignores
/// <c>--web.listen-address</c>, so an operator's listen address in $ARGS cannot widen the binding. Left out on purpose:
/// prometheus-blackbox-exporter 0.23 (with systemd sockets it refuses to start without <c>--web.external-url</c>) and
/// prometheus-process-exporter 0.7 (no socket activation, and its <c>-web.listen-address</c> takes one address:
/// the last one given wins). The system tests boot Debian 12 with node_exporter bound this way.
/// </remarks>
public static class KnownExporters
{
    /// <summary>Debian's node_exporter 1.5 (package prometheus-node-exporter).</summary>
    public static KnownExporter DebianNodeExporter { get; } = SocketActivated("prometheus-node-exporter");

    /// <summary>Debian's postgres_exporter 0.11 (package prometheus-postgres-exporter).</summary>
    public static KnownExporter DebianPostgresExporter { get; } = SocketActivated("prometheus-postgres-exporter");

    /// <summary>Debian's mysqld_exporter 0.14 (package prometheus-mysqld-exporter).</summary>
    public static KnownExporter DebianMysqldExporter { get; } = SocketActivated("prometheus-mysqld-exporter");

    /// <summary>Every known exporter, by unit name.</summary>
    public static IReadOnlyList<KnownExporter> All { get; } = [DebianNodeExporter, DebianPostgresExporter, DebianMysqldExporter];

    /// <summary>Finds the entry for <paramref name="unit"/>.</summary>
    /// <param name="unit">The exporter's service, as the config names it.</param>
    /// <param name="known">The entry, when there is one.</param>
    /// <returns>True when wgagent knows how to bind this unit.</returns>
    public static bool TryFind(SystemdUnitName unit, [NotNullWhen(true)] out KnownExporter? known)
    {
        ArgumentNullException.ThrowIfNull(unit);
        known = All.FirstOrDefault(entry => entry.Unit.Value == unit.Value);
        return known is not null;
    }

    // Debian's prometheus-* exporter packages share one unit shape: the program named like the package, $ARGS from
    // /etc/default/<package> (the unit's own EnvironmentFile=, which the drop-in keeps).
    private static KnownExporter SocketActivated(string package) =>
        new(Unit(package + ".service"), "/usr/bin/" + package, ExporterActivation.SystemdSocket, "--web.systemd-socket", "$ARGS");

    private static SystemdUnitName Unit(string name) =>
        SystemdUnitName.TryParse(name, out var unit, out var error) ? unit : throw new InvalidOperationException(error);
}
