using System.Globalization;
using System.Text;
using WgAgent.Core.Net;
using WgAgent.Core.WireGuard;

namespace WgAgent.Core.Config;

/// <summary>The effective policy of a valid pair of files, in a few plain lines (for <c>agentctl config check</c>).</summary>
public static class PolicySummary
{
    /// <summary>Formats the summary; one line per aspect, a label column then the facts.</summary>
    /// <param name="config">The agent's config.</param>
    /// <param name="tunnel">The WireGuard config it names.</param>
    /// <returns>The summary, ending with a newline.</returns>
    public static string Format(AgentConfig config, WireGuardConfig tunnel)
    {
        var wg = config.WireGuard.Interface.Value;
        var k = config.Killswitch;
        var mark = tunnel.EffectiveFwMark is { } m ? string.Create(CultureInfo.InvariantCulture, $"0x{m:x}") : "none";
        var address = tunnel.Interface.Addresses.FirstOrDefault(a => a.IsIPv4) ?? tunnel.Interface.Addresses.FirstOrDefault();
        var bindTo = address is null ? "(no address)" : address.Address.ToString();
        var text = new StringBuilder();
        void Line(string label, string facts) => text.Append(label.PadRight(11)).Append(facts).Append('\n');

        Line("tunnel", $"{wg} ({tunnel.SourcePath}): {Join(tunnel.Interface.Addresses)}; listen port " +
            $"{tunnel.Interface.ListenPort?.ToString(CultureInfo.InvariantCulture) ?? "random"}; fwmark {mark}");
        Line("peers", tunnel.Peers.Count == 0 ? "none" : string.Join("; ", tunnel.Peers.Select(p =>
            $"{p.Endpoint?.ToString() ?? "(no endpoint)"} allowed {Join(p.AllowedIPs)}")));
        Line("egress", k.Egress == EgressMode.Open
            ? "open: normal egress"
            : $"tunnel: out only via {wg}, plus WireGuard UDP to {Join(tunnel.Peers.Where(p => p.Endpoint is not null).Select(p => p.Endpoint!))}" +
              $" (fwmark {mark}); LAN {Join(k.AllowLan)}; DNS {Join(k.Dns)}; everything else rejected");
        Line("inbound", k.Inbound == InboundMode.Open
            ? "open: only the exporter ports are restricted"
            : $"restricted: {Join(k.AllowInbound)} from anywhere; WireGuard udp/{tunnel.Interface.ListenPort?.ToString(CultureInfo.InvariantCulture) ?? "(random port)"}; replies");
        Line("forward", k.Forward == ForwardMode.Open ? "open" : $"tunnel: forwarded traffic leaves only via {wg}");
        Line("ipv6", k.Ipv6 == Ipv6Mode.Tunnel ? "tunnel: the same policy as IPv4" : "block: all IPv6 dropped except loopback");
        Line("exporters", config.Exporters.Count == 0 ? "none" : string.Join("; ", config.Exporters.Select(e =>
            $"{e.Name} ({e.Unit}) on {bindTo}:{e.Port.ToString(CultureInfo.InvariantCulture)} from {Join(e.Scrapers)} via {wg} only")));
        Line("status", $"{config.Status.Socket} (group {config.Status.Group})");
        Line("metrics", config.Metrics.Enabled ? $"{bindTo}:{config.Metrics.Port.ToString(CultureInfo.InvariantCulture)} via {wg} only" : "off");
        return text.ToString();
    }

    private static string Join<T>(IEnumerable<T> items)
    {
        var list = items.Select(i => i is IpNetwork { IsSingleHost: true } n ? n.Address.ToString() : i?.ToString()).ToList();
        return list.Count == 0 ? "none" : string.Join(", ", list);
    }
}
