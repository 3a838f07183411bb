namespace WgAgent.Core.Tests.Firewall;

/// <summary>Golden cases beyond the posture matrix: inputs that need normalizing before nft sees them.</summary>
internal static class EdgeCases
{
    public const string BlockAll = "block-all";

    public static IReadOnlyDictionary<string, Func<KillswitchPolicyInput>> All { get; } =
        new Dictionary<string, Func<KillswitchPolicyInput>>(StringComparer.Ordinal)
        {
            // IPv4-mapped scrapers/resolvers/LAN/endpoint become IPv4; networks inside others, duplicates and
            // overlapping port ranges are folded (nft would refuse them); a host-name endpoint is left out; an IPv6
            // address with an embedded-IPv4 spelling is written as inet_ntop writes it; another interface name.
            ["edge.normalized-inputs"] = () => new(Config.ConfigText.ReadValid("""
                [wireguard]
                interface = "wg-prom.1"
                config = "/etc/wireguard/wg-prom.1.conf"

                [killswitch]
                egress = "tunnel"
                inbound = "restricted"
                allow_inbound = ["tcp/22", "tcp/20-23", "tcp/24", "udp/53", "udp/1000-2000", "udp/1500-2500"]
                allow_lan = ["10.0.0.0/8", "10.1.0.0/16", "::ffff:192.168.0.0/120", "192.168.0.7", "::1.2.3.4", "2001:db8:0:0:1:0:0:1"]
                dns = ["::ffff:192.168.0.53", "192.168.0.53", "2001:db8::53"]

                [[exporter]]
                name = "node"
                unit = "prometheus-node-exporter.service"
                port = 9100
                scrapers = ["::ffff:10.77.0.1", "10.77.0.0/24", "10.77.0.5", "fd77::/64", "fd77::1"]

                [[exporter]]
                name = "pg-15_main"
                unit = "prometheus-postgres-exporter.service"
                port = 9187
                scrapers = ["10.77.0.5"]

                [metrics]
                port = 9586
                """), TunnelFiles.With(
                    "Address = 10.77.0.2/24, ::ffff:10.77.0.9/128, fd77::2/64, fd77::2/128\nListenPort = 51821\nFwMark = 0x1",
                    "Endpoint = [::ffff:198.51.100.21]:51820\nAllowedIPs = 10.77.0.0/24",
                    "Endpoint = vpn.example.com:51820\nAllowedIPs = fd77::/64",
                    "Endpoint = 198.51.100.21:51820\nAllowedIPs = 10.78.0.0/24",
                    "AllowedIPs = 10.79.0.0/24")),

            // Metrics on, no exporter: its port is guarded with nobody allowed (no scraper is configured).
            ["edge.metrics-without-exporters"] = () => new(Config.ConfigText.ReadValid("[metrics]\nport = 9586\n"),
                TunnelFiles.Standard),

            // egress = "tunnel" without any FwMark (config check refuses this pair): the endpoint rule still narrows
            // WireGuard's UDP to the peers' ip:port, without the mark.
            ["edge.tunnel-without-fwmark"] = () => new(Config.ConfigText.ReadValid("[killswitch]\negress = \"tunnel\"\n"),
                TunnelFiles.With("Address = 10.77.0.2/32", "Endpoint = 198.51.100.20:51820\nAllowedIPs = 10.77.0.1/32")),
        };
}
