using System.Net;
using WgAgent.Core.Config;
using WgAgent.Core.Diagnostics;
using WgAgent.Core.Exporters;
using WgAgent.Core.Firewall;
using WgAgent.Core.Net;
using WgAgent.Core.Status;
using WgAgent.Core.Tunnel;
using WgAgent.Core.WireGuard;

namespace WgAgent.Core.Tests.Status;

/// <summary>
/// A healthy host (the lab's node: wg0 10.77.0.2/24 + fd77::2/64, the monitor and a second peer, node and blackbox
/// exporters) and the changes that break one thing each. The table is a small hand-written one, not the renderer's
/// output, so a rule change does not ripple into these goldens (the ruleset has its own).
/// </summary>
internal static class StatusFixtures
{
    public static readonly DateTimeOffset Now = new(2025, 5, 4, 10, 42, 7, TimeSpan.Zero);

    public static readonly InterfaceName Wg0 = InterfaceName.Parse("wg0");

    public static readonly IPAddress V4 = IPAddress.Parse("10.77.0.2");

    public static readonly IPAddress V6 = IPAddress.Parse("fd77::2");

    public const string MonitorKey = "AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=";

    public const string StrangerKey = "AgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgI=";

    /// <summary>The table as wgagent rendered it (counters at zero).</summary>
    public const string ExpectedTable = """
        table inet wgagent {
        	counter dropped_input {
        		packets 0 bytes 0
        	}

        	counter rejected_output {
        		packets 0 bytes 0
        	}

        	counter rejected_dns {
        		packets 0 bytes 0
        	}

        	counter dropped_forward {
        		packets 0 bytes 0
        	}

        	counter dropped_exporter {
        		packets 0 bytes 0
        	}

        	counter dropped_spoofed {
        		packets 0 bytes 0
        	}

        	set exporter_ports {
        		type inet_service
        		elements = { 9100, 9115, 9586 }
        	}

        	chain input {
        		type filter hook input priority filter; policy accept;
        		iifname "lo" accept comment "loopback is always allowed"
        		tcp dport @exporter_ports counter name "dropped_exporter" drop comment "exporters only via wg0"
        	}
        }

        """;

    /// <summary>The same table as the kernel lists it: counters counting, set elements in hash order.</summary>
    public static string KernelTable { get; } = ExpectedTable
        .Replace("counter dropped_input {\n\t\tpackets 0 bytes 0", "counter dropped_input {\n\t\tpackets 12 bytes 720", StringComparison.Ordinal)
        .Replace("counter dropped_exporter {\n\t\tpackets 0 bytes 0", "counter dropped_exporter {\n\t\tpackets 3 bytes 180", StringComparison.Ordinal)
        .Replace("{ 9100, 9115, 9586 }", "{ 9586, 9100, 9115 }", StringComparison.Ordinal);

    public static KillswitchPolicy Policy { get; } = new()
    {
        Tunnel = Wg0,
        Egress = EgressMode.Open,
        Inbound = InboundMode.Open,
        Forward = ForwardMode.Open,
        Ipv6 = Ipv6Mode.Tunnel,
        FwMark = 0xca6c,
        ListenPort = 51820,
        GuardedPorts = [new GuardedPort("node", 9100), new GuardedPort("blackbox", 9115), new GuardedPort("wgagent-metrics", 9586)],
    };

    public static TunnelState TunnelUp { get; } = TunnelState.Create(Wg0, new NetworkLink(7, "wg0", LinkFlags.Up | LinkFlags.Running, "wireguard"),
        [new InterfaceAddress(V6, 64, AddressFlags.None, AddressScope.Universe), new InterfaceAddress(V4, 24, AddressFlags.None, AddressScope.Universe)]);

    public static WireGuardPeerState MonitorPeer { get; } = new()
    {
        PublicKey = WireGuardKey.Parse(MonitorKey),
        Endpoint = Endpoint.Parse("198.51.100.20:51820"),
        AllowedIPs = [IpNetwork.Parse("10.77.0.1/32"), IpNetwork.Parse("10.77.0.10/32"), IpNetwork.Parse("fd77::1/128")],
        LatestHandshakeUnixSeconds = Now.AddSeconds(-107).ToUnixTimeSeconds(),
        RxBytes = 1_258_291,
        TxBytes = 348_160,
        PersistentKeepalive = 25,
    };

    public static WireGuardPeerState StrangerPeer { get; } = new()
    {
        PublicKey = WireGuardKey.Parse(StrangerKey),
        AllowedIPs = [IpNetwork.Parse("10.77.0.3/32")],
        LatestHandshakeUnixSeconds = Now.AddSeconds(-12).ToUnixTimeSeconds(),
        RxBytes = 512,
        TxBytes = 92,
    };

    public static WireGuardDump Dump { get; } = new()
    {
        HasPrivateKey = true,
        PublicKey = WireGuardKey.Parse("BQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQU="),
        ListenPort = 51820,
        FwMark = 0xca6c,
        Peers = [MonitorPeer, StrangerPeer],
    };

    public static ExporterListenerStatus NodeBound { get; } = Exporter("node", "prometheus-node-exporter.service", 9100, [V4, V6], ExporterListenState.Bound);

    public static ExporterListenerStatus BlackboxBound { get; } =
        Exporter("blackbox", "prometheus-blackbox-exporter.service", 9115, [V4, V6], ExporterListenState.Bound);

    /// <summary>Everything holds.</summary>
    public static StatusInputs Healthy { get; } = new()
    {
        Now = Now,
        Version = "1.2.3",
        StartedAt = Now.AddHours(-2).AddMinutes(-5),
        Ready = true,
        ExpectedTable = ExpectedTable,
        ExpectedKind = KillswitchTableKind.Computed,
        Policy = Policy,
        AppliedAt = Now.AddHours(-2).AddMinutes(-4).AddSeconds(-58),
        Repairs = 0,
        KernelTable = KernelTable,
        Tunnel = TunnelUp,
        Dump = Dump,
        Exporters = [NodeBound, BlackboxBound],
        UnitStates = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["prometheus-node-exporter.service"] = "active",
            ["prometheus-blackbox-exporter.service"] = "active",
        },
        ConfigPath = "/etc/wgagent.toml",
        ConfigLoadedAt = Now.AddHours(-2).AddMinutes(-5),
    };

    public static Diagnostic BrokenConfig { get; } =
        new("/etc/wgagent.toml", 12, 13, DiagnosticSeverity.Error, "killswitch.allow_lan[1]", "\"192.168.0.0/33\" is not a CIDR",
            "a prefix length is 0-32 for IPv4");

    /// <summary>Three things wrong, the kill switch verified: an exposed exporter, a stale peer, a broken config on disk.</summary>
    public static StatusInputs Degraded { get; } = Healthy with
    {
        Repairs = 2,
        Dump = new WireGuardDump
        {
            HasPrivateKey = true,
            PublicKey = Dump.PublicKey,
            ListenPort = 51820,
            FwMark = 0xca6c,
            Peers = [MonitorPeer, new WireGuardPeerState
            {
                PublicKey = StrangerPeer.PublicKey,
                AllowedIPs = StrangerPeer.AllowedIPs,
                LatestHandshakeUnixSeconds = Now.AddMinutes(-9).AddSeconds(-14).ToUnixTimeSeconds(),
                RxBytes = 5_905_580_032,
                TxBytes = 1_048_576,
            }],
        },
        Exporters = [Exporter("node", "prometheus-node-exporter.service", 9100, [V4, V6], ExporterListenState.Exposed, IPAddress.Any), BlackboxBound],
        ConfigErrors = [BrokenConfig],
    };

    public static ExporterListenerStatus Exporter(string name, string unit, int port, IReadOnlyList<IPAddress> expected,
        ExporterListenState state, params IPAddress[] actual) =>
        new(name, SystemdUnitName.TryParse(unit, out var u, out var error) ? u : throw new ArgumentException(error), port, expected,
            actual.Length == 0 && state is ExporterListenState.Bound ? expected : actual, state);
}
