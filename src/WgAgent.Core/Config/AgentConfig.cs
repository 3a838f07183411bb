using System.Globalization;
using System.Net;
using WgAgent.Core.Diagnostics;
using WgAgent.Core.Net;

namespace WgAgent.Core.Config;

/// <summary>
/// The validated contents of <c>/etc/wgagent.toml</c>: immutable, every value typed, every default applied in one
/// place (<see cref="Default"/>). Built by <see cref="AgentConfigReader"/>.
/// </summary>
public sealed record AgentConfig
{
    /// <summary>The configuration used for every key the file leaves out: safe on a live server.</summary>
    public static AgentConfig Default { get; } = new()
    {
        WireGuard = new WireGuardSettings(InterfaceName.Parse(ProductPaths.DefaultInterface), ProductPaths.WireGuardConfigFile,
            TimeSpan.FromSeconds(90)),
        Killswitch = new KillswitchSettings(EgressMode.Open, InboundMode.Open, [new PortRule(TransportProtocol.Tcp, 22, 22)],
            [], [], ForwardMode.Open, Ipv6Mode.Tunnel),
        Exporters = [],
        Status = new StatusSettings(ProductPaths.StatusSocket, "wgagent"),
        Metrics = new MetricsSettings(9586),
        Ordering = OrderingSettings.None,
    };

    /// <summary>The <c>[wireguard]</c> section.</summary>
    public required WireGuardSettings WireGuard { get; init; }

    /// <summary>The <c>[killswitch]</c> section.</summary>
    public required KillswitchSettings Killswitch { get; init; }

    /// <summary>The <c>[[exporter]]</c> entries, in file order.</summary>
    public required IReadOnlyList<ExporterSettings> Exporters { get; init; }

    /// <summary>The <c>[status]</c> section.</summary>
    public required StatusSettings Status { get; init; }

    /// <summary>The <c>[metrics]</c> section.</summary>
    public required MetricsSettings Metrics { get; init; }

    /// <summary>The <c>[ordering]</c> section.</summary>
    /// <remarks>
    /// Not <c>required</c>, unlike the others: it came later, and code (tests, tools) that builds a config without it
    /// means "no unit waits for wgagent", which is exactly the default.
    /// </remarks>
    public OrderingSettings Ordering { get; init; } = OrderingSettings.None;

    /// <summary>
    /// Where each value was written, by key path (<c>exporter[0].scrapers[1]</c>), so checks that need a second
    /// file (wg0.conf) can still point at the line to fix. Empty for <see cref="Default"/>.
    /// </summary>
    public IReadOnlyDictionary<string, TextPosition> Positions { get; init; } = new Dictionary<string, TextPosition>();

    /// <summary>One line for the startup log: every effective value, no secrets (the config holds none).</summary>
    public override string ToString()
    {
        var k = Killswitch;
        var exporters = Exporters.Count == 0
            ? "none"
            : string.Join(", ", Exporters.Select(e => $"{e.Name}({e.Unit} :{e.Port} scrapers {Join(e.Scrapers)})"));
        return string.Create(CultureInfo.InvariantCulture,
            $"wireguard: {WireGuard.Interface} ({WireGuard.ConfigPath}, wait {WireGuard.WaitTimeout.TotalSeconds:0}s); " +
            $"killswitch: egress={Name(k.Egress)} inbound={Name(k.Inbound)} allow_inbound=[{Join(k.AllowInbound)}] " +
            $"allow_lan=[{Join(k.AllowLan)}] dns=[{Join(k.Dns)}] forward={Name(k.Forward)} ipv6={Name(k.Ipv6)}; " +
            $"exporters: {exporters}; status: {Status.Socket} (group {Status.Group}); " +
            $"metrics: {(Metrics.Enabled ? $":{Metrics.Port}" : "off")}; " +
            $"ordering: after_tunnel=[{Join(Ordering.AfterTunnel)}]");
    }

    /// <summary>The TOML spelling of an enum value (<c>Tunnel</c> → <c>tunnel</c>).</summary>
    internal static string Name<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();

    private static string Join<T>(IEnumerable<T> items) => string.Join(" ", items.Select(i => i is IPAddress a ? a.ToString() : i?.ToString()));
}
