using WgAgent.Core.Config;
using WgAgent.Core.Exporters;
using WgAgent.Core.Net;

namespace WgAgent.Exporters.Tests;

/// <summary>Plans for the lab's node: node_exporter on 10.77.0.2 / fd77::2, port 9100.</summary>
internal static class Inputs
{
    public const string Socket = "wgagent-exporter-node.socket";
    public const string DropIn = "prometheus-node-exporter.service.d/wgagent-exporter.conf";
    public const string Service = "prometheus-node-exporter.service";

    public static ExporterSettings Node(string name = "node", string unit = Service, int port = 9100) =>
        new(name, SystemdUnitName.TryParse(unit, out var u, out var e) ? u : throw new ArgumentException(e), port, [IpNetwork.Parse("10.77.0.1/32")]);

    public static ExporterBindingPlan Plan(params string[] addresses) => Plan([Node()], addresses);

    public static ExporterBindingPlan Plan(IReadOnlyList<ExporterSettings> exporters, params string[] addresses) =>
        ExporterBindingPlanner.Plan(exporters, InterfaceName.Parse("wg0"), addresses.Select(IpNetwork.Parse).ToList());
}
