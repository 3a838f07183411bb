using WgAgent.Core.Diagnostics;
using WgAgent.Core.Net;
using WgAgent.Core.WireGuard;

namespace WgAgent.Core.Config;

/// <summary>
/// Checks that need both files: what wgagent.toml asks for that wg0.conf cannot deliver. Each diagnostic points at
/// the line to fix, in whichever file that is.
/// </summary>
public static class ConfigCrossCheck
{
    /// <summary>Cross-checks a valid wgagent.toml against a valid wg0.conf.</summary>
    /// <param name="config">The agent's config.</param>
    /// <param name="configPath">The agent config's path, for diagnostics.</param>
    /// <param name="tunnel">The wg-quick config it names.</param>
    /// <returns>The problems found, errors and warnings.</returns>
    public static IReadOnlyList<Diagnostic> Check(AgentConfig config, string configPath, WireGuardConfig tunnel)
    {
        var agent = new DiagnosticBag(configPath);
        var wg = new DiagnosticBag(tunnel.SourcePath);
        TextPosition At(string keyPath) => config.Positions.TryGetValue(keyPath, out var p) ? p : new TextPosition(0, 0);

        // wg-quick names the interface after the file: wg-quick@wg0 reads /etc/wireguard/wg0.conf.
        var expectedFile = config.WireGuard.Interface.Value + ".conf";
        if (!string.Equals(Path.GetFileName(tunnel.SourcePath), expectedFile, StringComparison.Ordinal))
        {
            agent.Warning(At("wireguard.config"), "wireguard.config",
                $"wg-quick names the interface after its file, so {DiagnosticText.Quote(tunnel.SourcePath)} does not configure \"{config.WireGuard.Interface}\"",
                $"point wireguard.config at /etc/wireguard/{expectedFile}, or set wireguard.interface to match the file");
        }

        for (var i = 0; i < config.Exporters.Count; i++)
        {
            var scrapers = config.Exporters[i].Scrapers;
            for (var j = 0; j < scrapers.Count; j++)
            {
                // WireGuard accepts a packet from a peer only if its source is in that peer's AllowedIPs (cryptokey
                // routing), so a scraper outside all of them can never reach the exporter over the tunnel.
                var scraper = scrapers[j];
                if (!tunnel.Peers.Any(peer => peer.AllowedIPs.Any(allowed => allowed.Contains(scraper))))
                {
                    var path = $"exporter[{i}].scrapers[{j}]";
                    agent.Warning(At(path), path,
                        $"{(scraper.IsSingleHost ? scraper.Address : scraper)} is outside every tunnel network: no peer in {tunnel.SourcePath} has it in AllowedIPs, so WireGuard drops its packets",
                        "use the Prometheus server's WireGuard address, or add it to that peer's AllowedIPs");
                }
            }
        }

        if (config.Killswitch.Ipv6 == Ipv6Mode.Block)
        {
            // ipv6 = "block" drops WireGuard's own UDP to an IPv6 endpoint too: that peer can never be reached.
            foreach (var peer in tunnel.Peers.Where(p => p.Endpoint is { HostKind: EndpointHostKind.IPv6 }))
            {
                wg.Warning(peer.Position, $"Peer[{peer.Index}].Endpoint",
                    $"{peer.Endpoint} is an IPv6 endpoint, but killswitch.ipv6 = \"block\" drops all IPv6: this peer's handshakes cannot pass",
                    "use the peer's IPv4 endpoint, or set killswitch.ipv6 = \"tunnel\"");
            }
        }

        if (config.Killswitch.Egress == EgressMode.Tunnel)
        {
            CheckTunnelEgress(tunnel, agent, wg, At("killswitch.egress"));
        }

        return agent.ToSortedList().Concat(wg.ToSortedList()).ToList();
    }

    private static void CheckTunnelEgress(WireGuardConfig tunnel, DiagnosticBag agent, DiagnosticBag wg, TextPosition egressAt)
    {
        if (tunnel.EffectiveFwMark is null)
        {
            agent.Error(egressAt, "killswitch.egress",
                $"egress = \"tunnel\" needs the tunnel's own packets marked, but {tunnel.SourcePath} sets no FwMark",
                "add \"FwMark = 0xca6c\" to the [Interface] section of the WireGuard config");
        }

        foreach (var peer in tunnel.Peers.Where(p => p.Endpoint is { IsHostName: true }))
        {
            wg.Error(peer.Position, $"Peer[{peer.Index}].Endpoint",
                $"{DiagnosticText.Quote(peer.Endpoint!.Host)} is a host name: with egress = \"tunnel\" it cannot be resolved before the tunnel is up, and the kill switch needs the address",
                "write the server's IP address in Endpoint");
        }

    }
}
