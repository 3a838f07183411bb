using System.Net;
using System.Text;
using WgAgent.Core.Config;
using WgAgent.Core.Net;

namespace WgAgent.Core.Exporters;

/// <summary>
/// Renders the socket unit and the drop-in that pin one exporter to the WireGuard address(es). Deterministic: the
/// same inputs give the same bytes, so rewriting an unchanged file is detected as a no-op and the golden files in
/// the tests show every change. Comments in the files say why each line is there, for the operator who finds them.
/// </summary>
public static class ExporterUnitRenderer
{
    /// <summary>The socket unit for an exporter bound by <see cref="ExporterActivation.SystemdSocket"/>.</summary>
    /// <param name="exporter">The exporter.</param>
    /// <param name="addresses">The tunnel addresses to listen on (never a wildcard; <see cref="ExporterBindingPlanner"/> checks).</param>
    /// <returns>The file, at <see cref="ExporterUnitNames.Socket"/>.</returns>
    public static UnitFile RenderSocket(ExporterSettings exporter, IReadOnlyList<IPAddress> addresses)
    {
        ArgumentNullException.ThrowIfNull(exporter);
        ArgumentNullException.ThrowIfNull(addresses);
        var unit = exporter.Unit.Value;
        var text = Header()
            .Append("# The listening sockets of ").Append(unit).Append(" (exporter \"").Append(exporter.Name).Append("\"), on the WireGuard\n")
            .Append("# address only. Kept in ").Append(ExporterUnitPaths.Persistent).Append(" so they are in place from the first moment of boot.\n")
            .Append("[Unit]\n")
            .Append("Description=wgagent: ").Append(exporter.Name).Append(" exporter sockets on the WireGuard address\n")
            .Append("Documentation=man:wgagent(8)\n")
            .Append("# Not enabled on its own: the exporter's drop-in Requires= it, so it listens exactly when the exporter\n")
            .Append("# is wanted. Stopping or restarting the exporter stops or restarts it too (systemd.unit(5), PartOf=):\n")
            .Append("# a stopped exporter leaves no port open, and a restart rebinds to the addresses written here.\n")
            .Append("PartOf=").Append(unit).Append('\n')
            .Append('\n')
            .Append("[Socket]\n")
            .Append("# One line per WireGuard address, never a wildcard, so BindIPv6Only= does not apply (systemd.socket(5)).\n");
        foreach (var address in addresses)
        {
            text.Append("ListenStream=").Append(ListenEndpoint.Format(address, exporter.Port)).Append('\n');
        }

        text.Append("# IP_FREEBIND: bind the address before wg0 exists (systemd.socket(5), FreeBind=). At boot the port is\n")
            .Append("# open on the tunnel address only, and connections are served once the tunnel brings the address up.\n")
            .Append("FreeBind=yes\n")
            .Append("# A connection while the exporter is down starts it (it has only these sockets to serve on).\n")
            .Append("Service=").Append(unit).Append('\n');
        return new UnitFile(ExporterUnitNames.Socket(exporter.Name), text.ToString());
    }

    /// <summary>The drop-in for the exporter's service: its command line, and its ordering against what it needs.</summary>
    /// <param name="exporter">The exporter.</param>
    /// <param name="known">How this unit is bound.</param>
    /// <param name="addresses">The tunnel addresses (used by <see cref="ExporterActivation.ListenAddressFlag"/>).</param>
    /// <param name="tunnel">The WireGuard interface (a flag-bound exporter starts after <c>wg-quick@</c> it).</param>
    /// <returns>The file, at <see cref="ExporterUnitNames.DropIn"/>.</returns>
    public static UnitFile RenderDropIn(ExporterSettings exporter, KnownExporter known, IReadOnlyList<IPAddress> addresses, InterfaceName tunnel)
    {
        ArgumentNullException.ThrowIfNull(exporter);
        ArgumentNullException.ThrowIfNull(known);
        ArgumentNullException.ThrowIfNull(addresses);
        ArgumentNullException.ThrowIfNull(tunnel);
        var text = known.Activation == ExporterActivation.SystemdSocket
            ? SocketDropIn(exporter, known)
            : FlagDropIn(exporter, known, addresses, tunnel);
        return new UnitFile(ExporterUnitNames.DropIn(exporter.Unit), text);
    }

    private static string SocketDropIn(ExporterSettings exporter, KnownExporter known)
    {
        var socket = ExporterUnitNames.Socket(exporter.Name);
        return Header()
            .Append("# ").Append(exporter.Unit.Value).Append(" serves only on the sockets of ").Append(socket).Append(" (the WireGuard\n")
            .Append("# address); it never binds an address itself.\n")
            .Append("[Unit]\n")
            .Append("# The sockets are listening before the exporter starts. If they cannot be, the exporter does not start at\n")
            .Append("# all rather than fall back to an address of its own choosing (systemd.unit(5), Requires=).\n")
            .Append("Requires=").Append(socket).Append('\n')
            .Append("After=").Append(socket).Append('\n')
            .Append('\n')
            .Append("[Service]\n")
            .Append("# Hand over the sockets on every start, not only on activation by a connection (systemd.service(5), Sockets=).\n")
            .Append("Sockets=").Append(socket).Append('\n')
            .Append("# The empty line clears the stock command (systemd.service(5), ExecStart=). ").Append(known.Flag).Append(" serves on\n")
            .Append("# the passed sockets and ignores any listen address in the stock arguments.\n")
            .Append("ExecStart=\n")
            .Append("ExecStart=").Append(CommandLine(known.Program, known.Flag, known.StockArguments)).Append('\n')
            .ToString();
    }

    private static string FlagDropIn(ExporterSettings exporter, KnownExporter known, IReadOnlyList<IPAddress> addresses, InterfaceName tunnel)
    {
        var wgQuick = $"wg-quick@{tunnel}.service";
        var flags = string.Join(' ', addresses.Select(a => $"{known.Flag}={ListenEndpoint.Format(a, exporter.Port)}"));
        return Header()
            .Append("# ").Append(exporter.Unit.Value).Append(" listens only on the WireGuard address, named on its command line.\n")
            .Append("[Unit]\n")
            .Append("# It binds the address itself, which works only once wg-quick has put the address on ").Append(tunnel.ToString()).Append(";\n")
            .Append("# wgagent.service (where installed) is ready once it has seen the tunnel up. An ordering against a unit\n")
            .Append("# that is not part of the boot orders nothing (systemd.unit(5), After=), so both are harmless alone.\n")
            .Append("After=").Append(wgQuick).Append(" wgagent.service\n")
            .Append("# Until then each start fails (\"cannot assign requested address\"): keep trying instead of giving up\n")
            .Append("# after the default five starts in ten seconds (systemd.unit(5), StartLimitIntervalSec=).\n")
            .Append("StartLimitIntervalSec=0\n")
            .Append('\n')
            .Append("[Service]\n")
            .Append("ExecStart=\n")
            .Append("ExecStart=").Append(CommandLine(known.Program, flags, known.StockArguments)).Append('\n')
            .Append("Restart=on-failure\n")
            .Append("RestartSec=2s\n")
            .ToString();
    }

    private static string CommandLine(params string[] parts) =>
        string.Join(' ', parts.Where(part => part.Length > 0));

    private static StringBuilder Header() => new StringBuilder(GeneratedUnitMarker.Line).Append('\n');
}
