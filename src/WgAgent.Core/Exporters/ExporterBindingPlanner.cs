using System.Net;
using System.Net.Sockets;
using WgAgent.Core.Config;
using WgAgent.Core.Net;

namespace WgAgent.Core.Exporters;

/// <summary>
/// From the config's exporters and the tunnel's addresses to the files that bind each exporter to those addresses
/// (pure). Exporters it cannot bind are reported, never guessed at.
/// </summary>
public static class ExporterBindingPlanner
{
    /// <summary>Plans the binding of every configured exporter.</summary>
    /// <param name="exporters">The config's <c>[[exporter]]</c> entries.</param>
    /// <param name="tunnel">The WireGuard interface (for ordering a flag-bound exporter after <c>wg-quick@</c>).</param>
    /// <param name="tunnelAddresses">The interface's addresses, e.g. wg0.conf's <c>Address</c> lines in file order.</param>
    /// <returns>The plan.</returns>
    public static ExporterBindingPlan Plan(IReadOnlyList<ExporterSettings> exporters, InterfaceName tunnel, IReadOnlyList<IpNetwork> tunnelAddresses)
    {
        ArgumentNullException.ThrowIfNull(exporters);
        ArgumentNullException.ThrowIfNull(tunnel);
        ArgumentNullException.ThrowIfNull(tunnelAddresses);
        var addresses = ListenAddresses(tunnelAddresses);
        var bindings = new List<ExporterBinding>();
        var problems = new List<ExporterProblem>();
        var preserved = new List<string>();
        var units = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var exporter in exporters)
        {
            if (!KnownExporters.TryFind(exporter.Unit, out var known))
            {
                problems.Add(new ExporterProblem(exporter,
                    $"wgagent does not know how to bind {exporter.Unit} to an address, so it is left as it is and may listen on every address; only the kill switch keeps port {exporter.Port} to the scrapers",
                    $"units wgagent can bind: {string.Join(", ", KnownExporters.All.Select(k => k.Unit.Value))}; otherwise make {exporter.Unit} listen on the WireGuard address yourself"));
                continue;
            }

            if (units.TryGetValue(exporter.Unit.Value, out var first))
            {
                problems.Add(new ExporterProblem(exporter, $"{exporter.Unit} is already bound for exporter {first}; one unit serves one port",
                    "give each [[exporter]] its own unit"));
                continue;
            }

            units[exporter.Unit.Value] = exporter.Name;
            if (addresses.Count == 0)
            {
                problems.Add(new ExporterProblem(exporter, "the tunnel has no address to listen on; its current binding, if any, is kept",
                    "set Address in the WireGuard config (a global or unique-local address; link-local ones are not used)"));
                preserved.Add(ExporterUnitNames.DropIn(exporter.Unit));
                if (known.Activation == ExporterActivation.SystemdSocket)
                {
                    preserved.Add(ExporterUnitNames.Socket(exporter.Name));
                }

                continue;
            }

            bindings.Add(Bind(exporter, known, tunnel, addresses));
        }

        return new ExporterBindingPlan(bindings, problems, preserved);
    }

    /// <summary>
    /// The addresses an exporter can listen on: each distinct interface address in order, except wildcards (which
    /// would mean every address) and IPv6 link-local ones (which need an interface scope to be bound).
    /// </summary>
    /// <param name="tunnelAddresses">The interface's addresses with their prefixes.</param>
    /// <returns>The usable host addresses.</returns>
    public static IReadOnlyList<IPAddress> ListenAddresses(IReadOnlyList<IpNetwork> tunnelAddresses)
    {
        ArgumentNullException.ThrowIfNull(tunnelAddresses);
        var result = new List<IPAddress>();
        foreach (var network in tunnelAddresses)
        {
            var address = network.Address;
            var unusable = address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any)
                || (address.AddressFamily == AddressFamily.InterNetworkV6 && address.IsIPv6LinkLocal);
            if (!unusable && !result.Contains(address))
            {
                result.Add(address);
            }
        }

        return result;
    }

    private static ExporterBinding Bind(ExporterSettings exporter, KnownExporter known, InterfaceName tunnel, IReadOnlyList<IPAddress> addresses)
    {
        var dropIn = ExporterUnitRenderer.RenderDropIn(exporter, known, addresses, tunnel);
        IReadOnlyList<UnitFile> files = known.Activation == ExporterActivation.SystemdSocket
            ? [ExporterUnitRenderer.RenderSocket(exporter, addresses), dropIn]
            : [dropIn];
        return new ExporterBinding(exporter, known, addresses, files);
    }
}
