using System.Net;
using WgAgent.Core.Config;
using WgAgent.Core.Exporters;
using WgAgent.Core.Net;

namespace WgAgent.Core.Tests.Exporters;

/// <summary>Inputs shared by the exporter tests: the lab's node (10.77.0.2, fd77::2) and its node_exporter.</summary>
internal static class ExporterFixtures
{
    public static readonly InterfaceName Wg0 = InterfaceName.Parse("wg0");

    public static readonly IPAddress V4 = IPAddress.Parse("10.77.0.2");

    public static readonly IPAddress V6 = IPAddress.Parse("fd77::2");

    public static IReadOnlyList<IpNetwork> TunnelAddresses { get; } = [IpNetwork.Parse("10.77.0.2/24"), IpNetwork.Parse("fd77::2/64")];

    /// <summary>A flag-bound exporter, for the fallback's renderer (no such unit is in the known table yet).</summary>
    public static KnownExporter FlagExporter { get; } = new(Unit("prometheus-example-exporter.service"), "/usr/bin/prometheus-example-exporter",
        ExporterActivation.ListenAddressFlag, "--web.listen-address", "$ARGS");

    public static ExporterSettings Node(string name = "node", string unit = "prometheus-node-exporter.service", int port = 9100) =>
        new(name, Unit(unit), port, [IpNetwork.Parse("10.77.0.1/32")]);

    public static SystemdUnitName Unit(string name) =>
        SystemdUnitName.TryParse(name, out var unit, out var error) ? unit : throw new ArgumentException(error);
}
