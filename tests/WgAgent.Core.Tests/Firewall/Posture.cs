using WgAgent.Core.Config;

namespace WgAgent.Core.Tests.Firewall;

/// <summary>One kill-switch posture of the golden matrix; <see cref="Full"/> adds exporters, metrics, LAN, DNS and
/// extra inbound ports, the bare variant has none of them.</summary>
public sealed record Posture(EgressMode Egress, InboundMode Inbound, Ipv6Mode Ipv6, ForwardMode Forward, bool Full)
{
    /// <summary>Every combination: egress × inbound × ipv6 × forward × (full, bare).</summary>
    public static IReadOnlyList<Posture> All { get; } =
    [
        .. from egress in Enum.GetValues<EgressMode>()
           from inbound in Enum.GetValues<InboundMode>()
           from ipv6 in Enum.GetValues<Ipv6Mode>()
           from forward in Enum.GetValues<ForwardMode>()
           from full in new[] { true, false }
           select new Posture(egress, inbound, ipv6, forward, full),
    ];

    /// <summary>The golden file's name without extension, e.g. <c>egress-tunnel.inbound-open.ipv6-block.forward-open.full</c>.</summary>
    public string Name => $"egress-{Lower(Egress)}.inbound-{Lower(Inbound)}.ipv6-{Lower(Ipv6)}.forward-{Lower(Forward)}.{(Full ? "full" : "bare")}";

    /// <summary>The wgagent.toml of this posture.</summary>
    public string Toml
    {
        get
        {
            var killswitch = $"""
                [killswitch]
                egress = "{Lower(Egress)}"
                inbound = "{Lower(Inbound)}"
                forward = "{Lower(Forward)}"
                ipv6 = "{Lower(Ipv6)}"

                """;
            if (!Full)
            {
                return killswitch + "\n[metrics]\nport = 0\n";
            }

            return killswitch + """
                allow_inbound = ["tcp/22", "tcp/443", "udp/60000-61000", "tcp/8000-8080"]
                allow_lan = ["192.168.1.0/24", "2001:db8:0:1::/64", "172.16.0.0/12"]
                dns = ["192.168.1.53", "2001:db8:0:1::53"]

                [[exporter]]
                name = "node"
                unit = "prometheus-node-exporter.service"
                port = 9100
                scrapers = ["10.77.0.1", "fd77::1"]

                [[exporter]]
                name = "blackbox"
                unit = "prometheus-blackbox-exporter.service"
                port = 9115
                scrapers = ["10.77.0.1", "10.77.0.10"]
                """;
        }
    }

    /// <summary>The policy the golden file renders.</summary>
    public KillswitchPolicyInput Input => new(Config.ConfigText.ReadValid(Toml), TunnelFiles.Standard);

    public override string ToString() => Name;

    private static string Lower<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();
}
