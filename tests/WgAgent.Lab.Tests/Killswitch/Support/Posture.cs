using System.Globalization;
using System.Net;
using System.Text;
using WgAgent.Lab.Addressing;

namespace WgAgent.Lab.Tests.Killswitch.Support;

/// <summary>
/// The <c>[killswitch]</c> keys of one posture, written out as a whole wgagent.toml for the lab's node: exporter
/// "node" on node_exporter's port scraped by monitor's tunnel addresses, and wgagent's metrics port, always.
/// </summary>
public sealed record Posture
{
    /// <summary>The defaults of PRODUCT.md: what installing the package gives.</summary>
    public static Posture Default { get; } = new();

    public string Egress { get; init; } = "open";

    public string Inbound { get; init; } = "open";

    public IReadOnlyList<string> AllowInbound { get; init; } = [$"tcp/{LabPorts.Ssh}"];

    public IReadOnlyList<IPNetwork> AllowLan { get; init; } = [];

    public IReadOnlyList<IPAddress> Dns { get; init; } = [];

    public string Forward { get; init; } = "open";

    public string Ipv6 { get; init; } = "tunnel";

    /// <summary>The whole wgagent.toml, naming <paramref name="wireGuardConfigPath"/> as the tunnel's config.</summary>
    public string ToToml(string wireGuardConfigPath)
    {
        static string List(IEnumerable<object> items) => "[" + string.Join(", ", items.Select(i => $"\"{i}\"")) + "]";
        var scrapers = List([LabAddresses.Monitor.RequiredTunnelV4, LabAddresses.Monitor.RequiredTunnelV6]);
        var text = new StringBuilder();
        text.Append("[wireguard]\ninterface = \"wg0\"\n").Append($"config = \"{wireGuardConfigPath}\"\n\n");
        text.Append("[killswitch]\n");
        text.Append($"egress = \"{Egress}\"\ninbound = \"{Inbound}\"\n");
        text.Append($"allow_inbound = {List(AllowInbound)}\nallow_lan = {List(AllowLan.Cast<object>())}\ndns = {List(Dns)}\n");
        text.Append($"forward = \"{Forward}\"\nipv6 = \"{Ipv6}\"\n\n");
        text.Append("[[exporter]]\nname = \"node\"\nunit = \"prometheus-node-exporter.service\"\n");
        text.Append(CultureInfo.InvariantCulture, $"port = {LabPorts.NodeExporter}\nscrapers = {scrapers}\n\n");
        text.Append(CultureInfo.InvariantCulture, $"[metrics]\nport = {LabPorts.AgentMetrics}\n");
        return text.ToString();
    }

    /// <summary>The keys that differ from the defaults, e.g. <c>egress=tunnel ipv6=block</c>.</summary>
    public override string ToString()
    {
        var parts = new List<string>();
        void Add(string key, string value, string defaultValue)
        {
            if (value != defaultValue)
            {
                parts.Add($"{key}={value}");
            }
        }

        Add("egress", Egress, "open");
        Add("inbound", Inbound, "open");
        Add("forward", Forward, "open");
        Add("ipv6", Ipv6, "tunnel");
        if (AllowLan.Count > 0)
        {
            parts.Add($"allow_lan={string.Join(',', AllowLan)}");
        }

        if (Dns.Count > 0)
        {
            parts.Add($"dns={string.Join<IPAddress>(',', Dns)}");
        }

        return parts.Count == 0 ? "defaults" : string.Join(' ', parts);
    }
}
