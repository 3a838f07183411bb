using WgAgent.Core.Net;

namespace WgAgent.Core.Config;

/// <summary>One <c>[[exporter]]</c>: a unit to serve only on the WireGuard address, only to the scrapers.</summary>
/// <param name="Name">A short name, unique among the exporters (used in counters, metrics and unit file names).</param>
/// <param name="Unit">The systemd service that runs the exporter.</param>
/// <param name="Port">The TCP port it serves on.</param>
/// <param name="Scrapers">The WireGuard addresses (or networks) allowed to connect.</param>
public sealed record ExporterSettings(string Name, SystemdUnitName Unit, int Port, IReadOnlyList<IpNetwork> Scrapers);
