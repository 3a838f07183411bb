using System.Net;
using WgAgent.Core.Firewall;
using WgAgent.Lab.Addressing;
using WgAgent.Lab.Hosts;
using WgAgent.Lab.Probes;
using WgAgent.Lab.Tests.Killswitch.Support;
using Xunit.Abstractions;

namespace WgAgent.Lab.Tests.Killswitch;

/// <summary>
/// Exporters only over WireGuard: node_exporter's port and wgagent's metrics port answer the scraper over wg0 and
/// nobody else, on any of node's addresses — in the default posture (only the exporters guarded) and the strictest.
/// </summary>
[Trait("lab", "killswitch")]
public sealed class ExporterGuardTests(ExporterGuardFixture fixture, ITestOutputHelper output)
    : KillswitchLabTests<ExporterGuardFixture>(fixture, output)
{
    private static readonly int[] GuardedPorts = [LabPorts.NodeExporter, LabPorts.AgentMetrics];

    [Theory]
    [InlineData(Postures.Defaults, false)]
    [InlineData(Postures.Defaults, true)]
    [InlineData(Postures.Strict, false)]
    [InlineData(Postures.Strict, true)]
    public async Task Scrape_MonitorOverTunnel_NodeExporterAnswers(string posture, bool ipv6)
    {
        await Killswitch.ApplyAsync(Postures.Named(posture));
        var url = $"http://{new IPEndPoint(LabAddresses.Node.Tunnel(ipv6), LabPorts.NodeExporter)}/metrics";

        // -g: no globbing, so the IPv6 brackets are taken literally.
        var scrape = await Lab.Monitor.RunAsync(["curl", "-sS", "-g", "--fail", "--max-time", "3", url], TimeSpan.FromSeconds(10));

        Assert.True(scrape.Succeeded, scrape.Describe());
        Assert.Contains("node_exporter_build_info", scrape.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Postures.Defaults, false)]
    [InlineData(Postures.Defaults, true)]
    [InlineData(Postures.Strict, false)]
    [InlineData(Postures.Strict, true)]
    public async Task TcpEcho_MonitorOverTunnelToMetricsPort_Reachable(string posture, bool ipv6)
    {
        await Killswitch.ApplyAsync(Postures.Named(posture));

        var result = await Killswitch.ProbeAsync(
            Lab.Monitor, ProbeKind.TcpEcho, LabAddresses.Node.Tunnel(ipv6), LabPorts.AgentMetrics, ProbeAssert.Patient);

        ProbeAssert.Reachable(result);
    }

    [Theory]
    [InlineData("stranger", Postures.Defaults)]
    [InlineData("stranger", Postures.Strict)]
    [InlineData("inet", Postures.Defaults)]
    [InlineData("inet", Postures.Strict)]
    [InlineData("lan", Postures.Defaults)]
    [InlineData("lan", Postures.Strict)]
    [InlineData("monitor", Postures.Defaults)]
    [InlineData("monitor", Postures.Strict)]
    public async Task TcpConnect_NonScraperPathToGuardedPorts_DroppedOnEveryAddress(string source, string posture)
    {
        var from = Lab.Hosts.Single(h => h.Name == source);
        var targets = TargetsFrom(from);

        var probe = await Killswitch.BlockedAfterControlAsync(
            Postures.Named(posture), ProbeAssert.Brief, NftCounters.DroppedExporter, timeout => ProbeAllAsync(from, targets, timeout));

        probe.AssertBlocked(ProbeAssert.Blocked);
        var sources = new[] { from.Addresses.V4, from.Addresses.V6, from.Addresses.TunnelV4, from.Addresses.TunnelV6 };
        // Only the probed endpoints: the lab's Prometheus in monitor scrapes job wgagent at node's tunnel address on the
        // metrics port (the allowed scraper path), which this listener then sees too.
        Assert.DoesNotContain(Fixture.LanListeners.Hits.Concat(Fixture.MetricsTunnelListener.Hits),
            h => h.At >= probe.Since && sources.Contains(h.Remote.Address) && targets.Contains(h.Local));
    }

    /// <summary>Every address × guarded port of node the source can route to: the LAN addresses from anywhere, the
    /// tunnel addresses from a WireGuard peer — except the scraper's own tunnel path, which is the allowed one.</summary>
    private static List<IPEndPoint> TargetsFrom(LabHost from)
    {
        var node = LabAddresses.Node;
        var addresses = new List<IPAddress> { node.V4, node.V6 };
        if (from.Addresses.TunnelV4 is not null && from.Name != "monitor")
        {
            addresses.AddRange([node.RequiredTunnelV4, node.RequiredTunnelV6]);
        }

        return [.. addresses.SelectMany(a => GuardedPorts.Select(p => new IPEndPoint(a, p)))];
    }

    private async Task<ProbeResult[]> ProbeAllAsync(LabHost from, IEnumerable<IPEndPoint> targets, TimeSpan timeout) =>
        await Task.WhenAll(targets.Select(t => Killswitch.ProbeAsync(from, ProbeKind.TcpConnect, t.Address, t.Port, timeout)));
}
