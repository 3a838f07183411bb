using WgAgent.Core.Net;

namespace WgAgent.Core.Firewall;

/// <summary>
/// Who may reach one exporter over the tunnel, in one address family: its scrapers, and the ports they may open —
/// the exporter's own port and, when metrics are on, wgagent's metrics port. One nft set of scrapers per exporter and
/// family with one rule matching it against all of <see cref="Ports"/>, so the metrics port reaches the union of all
/// scrapers without a set element per (scraper, port) pair.
/// </summary>
/// <param name="Exporter">The exporter's name (<c>[a-z0-9_-]</c>, unique), which names its set
/// (<see cref="NftSets.ExporterScrapersV4"/>).</param>
/// <param name="Ports">The TCP ports, sorted, without duplicates.</param>
/// <param name="Scrapers">The scraper addresses and networks of this family: host bits cleared, sorted, none inside
/// another. Never empty.</param>
public sealed record ExporterScrapers(string Exporter, IReadOnlyList<int> Ports, IReadOnlyList<IpNetwork> Scrapers);
