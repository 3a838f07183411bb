using System.Net;
using WgAgent.Core.Config;
using WgAgent.Core.Net;
using WgAgent.Core.WireGuard;

namespace WgAgent.Core.Firewall;

/// <summary>
/// Turns the validated agent config and the tunnel config into a <see cref="KillswitchPolicy"/>. Pure: no I/O, no
/// name resolution, the same input always gives an equal policy. Expects the pair to have passed
/// <see cref="ConfigCrossCheck"/>; where it has not, it still builds the narrowest policy it can rather than throw
/// (a peer endpoint given as a host name is left out, so WireGuard's UDP to it stays blocked — fail closed).
/// </summary>
public static partial class KillswitchPolicyBuilder
{
    /// <summary>The <see cref="GuardedPort.Name"/> of wgagent's own metrics port.</summary>
    public const string MetricsName = "wgagent-metrics";

    /// <summary>Builds the policy.</summary>
    /// <param name="config">The validated <c>/etc/wgagent.toml</c>.</param>
    /// <param name="tunnel">The validated wg0.conf it names.</param>
    /// <returns>The policy, every list normalized (see <see cref="KillswitchPolicy"/>).</returns>
    public static KillswitchPolicy Build(AgentConfig config, WireGuardConfig tunnel)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(tunnel);
        var k = config.Killswitch;
        var tunnelEgress = k.Egress == EgressMode.Tunnel;

        var guarded = GuardedPorts(config);
        var scrapers = Scrapers(config);
        var tunnelAddresses = Addresses(tunnel.Interface.Addresses.Select(a => a.Address));
        var endpoints = Endpoints(tunnel.Peers.Select(p => p.Endpoint));
        var lan = tunnelEgress ? Networks(k.AllowLan) : [];
        var dns = tunnelEgress ? Addresses(k.Dns) : [];

        FamilyAddresses Family(bool v4) => new()
        {
            TunnelAddresses = tunnelAddresses.Where(a => IsV4(a) == v4).ToList(),
            Endpoints = endpoints.Where(e => (e.HostKind == EndpointHostKind.IPv4) == v4).ToList(),
            AllowLan = lan.Where(n => n.IsIPv4 == v4).ToList(),
            Dns = dns.Where(a => IsV4(a) == v4).ToList(),
            Scrapers = scrapers
                .Select(e => e with { Scrapers = e.Scrapers.Where(n => n.IsIPv4 == v4).ToList() })
                .Where(e => e.Scrapers.Count > 0)
                .ToList(),
        };

        return new KillswitchPolicy
        {
            Tunnel = config.WireGuard.Interface,
            Egress = k.Egress,
            Inbound = k.Inbound,
            Forward = k.Forward,
            Ipv6 = k.Ipv6,
            FwMark = tunnel.EffectiveFwMark,
            ListenPort = tunnel.Interface.ListenPort,
            AllowInbound = k.Inbound == InboundMode.Restricted ? MergePorts(k.AllowInbound) : [],
            GuardedPorts = guarded,
            IPv4 = Family(v4: true),
            // ipv6 = "block" drops all IPv6 right after loopback, so no IPv6 set would ever be consulted.
            IPv6 = k.Ipv6 == Ipv6Mode.Block ? FamilyAddresses.Empty : Family(v4: false),
        };
    }

    private static List<GuardedPort> GuardedPorts(AgentConfig config)
    {
        var ports = config.Exporters.Select(e => new GuardedPort(e.Name, e.Port)).ToList();
        if (config.Metrics.Enabled)
        {
            ports.Add(new GuardedPort(MetricsName, config.Metrics.Port));
        }

        // The config reader refuses a port used twice; keep the first name anyway so a bad pair cannot make nft fail.
        return ports.GroupBy(p => p.Port).Select(g => g.First()).OrderBy(p => p.Port).ToList();
    }

    /// <summary>Per exporter, sorted by its port: its scrapers (both families; <see cref="Build"/> splits them) and the
    /// ports they may open. wgagent's metrics may be scraped by whoever may scrape any exporter (the same Prometheus
    /// servers), so the metrics port joins every exporter's ports rather than getting a set of its own: the union is
    /// the same, and no scraper is listed twice.</summary>
    private static List<ExporterScrapers> Scrapers(AgentConfig config)
    {
        int[] metrics = config.Metrics.Enabled ? [config.Metrics.Port] : [];
        // The config reader refuses a name used twice (it names the set); keep the first so a bad pair cannot make nft
        // fail, and the narrower: the second's port stays guarded, with nobody allowed.
        return config.Exporters
            .DistinctBy(e => e.Name, StringComparer.Ordinal)
            .OrderBy(e => e.Port).ThenBy(e => e.Name, StringComparer.Ordinal)
            .Select(e => new ExporterScrapers(e.Name, metrics.Append(e.Port).Distinct().Order().ToList(), Networks(e.Scrapers)))
            .ToList();
    }

    private static List<Endpoint> Endpoints(IEnumerable<Endpoint?> endpoints) =>
        endpoints.Where(e => e is { IsHostName: false })
            .Select(e => Endpoint.FromAddress(Canonical(e!.Address!), e.Port))
            .Distinct()
            .OrderBy(e => e.Address!, AddressOrder.Instance).ThenBy(e => e.Port)
            .ToList();

    private static bool IsV4(IPAddress address) => address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork;
}
