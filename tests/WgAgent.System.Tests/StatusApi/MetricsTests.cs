using WgAgent.Lab.Addressing;
using WgAgent.Lab.Probes;
using WgAgent.Lab.Prometheus;
using WgAgent.System.Tests.Booting;
using Xunit.Abstractions;
using static WgAgent.System.Tests.DaemonLifecycle.Evidence;

namespace WgAgent.System.Tests.StatusApi;

/// <summary>
/// wgagent's metrics: the real Prometheus in monitor scrapes job wgagent over the tunnel and gets its series; the port
/// listens only on the tunnel addresses and the kill switch lets only the scraper over wg0 reach it.
/// </summary>
[Collection(StatusApiCollection.Name)]
public sealed class MetricsTests(StatusApiFixture fixture, ITestOutputHelper output)
    : BootedLabTests<StatusApiFixture>(fixture, output)
{
    [Fact]
    public void Prometheus_WgagentJob_UpOverTheTunnel()
    {
        var scrape = Fixture.Scrape.Record;
        foreach (var target in scrape.Targets)
        {
            Output.WriteLine($"target job={target.Job} {target.ScrapeUrl} {target.Health} last {target.LastScrape:O} {target.LastError}");
        }

        Output.WriteLine(Invariant($"up{{job=\"wgagent\"}} == 1 after {scrape.Waited.TotalSeconds:0.00} s of waiting"));
        Assert.Null(scrape.WaitError);
        var agent = Assert.Single(scrape.Targets, t => t.Job == PrometheusServer.AgentJob);
        Assert.Equal($"http://{PrometheusServer.AgentTarget}/metrics", agent.ScrapeUrl);
        Assert.Equal("up", agent.Health);
    }

    [Fact]
    public void Prometheus_Query_KillswitchVerifiedAndHandshakeSeries()
    {
        var scrape = Fixture.Scrape.Record;
        foreach (var sample in scrape.Up.Concat(scrape.KillswitchVerified).Concat(scrape.TunnelUp).Concat(scrape.ExporterBound).Concat(scrape.LatestHandshake))
        {
            var labels = string.Join(",", sample.Labels.Where(l => l.Key is not ("job" or "instance")).Select(l => $"{l.Key}=\"{l.Value}\""));
            Output.WriteLine(Invariant($"{labels} {sample.Value}"));
        }

        Assert.Equal(1, Assert.Single(scrape.Up).Value);
        Assert.Equal(1, Assert.Single(scrape.KillswitchVerified).Value);
        Assert.Equal(1, Assert.Single(scrape.TunnelUp).Value);
        Assert.Equal(1, Assert.Single(scrape.ExporterBound, s => s.Label("exporter") == "node").Value);
        var monitor = Assert.Single(scrape.LatestHandshake, s => s.Label("public_key") == Fixture.Lab.MonitorTunnel.Keys.PublicKey);
        Assert.Equal("wg0", monitor.Label("interface"));
        Assert.True(monitor.Value > 0, $"monitor's handshake: {monitor.Value}");
    }

    [Fact]
    public void MetricsPort_Listeners_OnlyTheTunnelAddresses()
    {
        var exposure = Fixture.Exposure.Record;
        Output.WriteLine($"$ {Inside(exposure.Ss)}\n{exposure.Ss.Stdout}");

        string[] tunnel = [$"{LabAddresses.Node.RequiredTunnelV4}:{LabPorts.AgentMetrics}", $"[{LabAddresses.Node.RequiredTunnelV6}]:{LabPorts.AgentMetrics}"];
        Assert.Equal(tunnel.Order(StringComparer.Ordinal), exposure.Listeners);
    }

    [Fact]
    public void MetricsPort_FromLanMonitorUnderlayAndStranger_BlockedByTheKillswitch()
    {
        var exposure = Fixture.Exposure.Record;
        Output.WriteLine($"control: {exposure.StrangerPing}");
        foreach (var probe in exposure.Allowed.Concat(exposure.Blocked))
        {
            Output.WriteLine($"  {probe}");
        }

        Output.WriteLine($"dropped_exporter packets: {exposure.DroppedExporter.Before} -> {exposure.DroppedExporter.After}");
        ProbeAssert.Reachable(exposure.StrangerPing);
        Assert.All(exposure.Allowed, ProbeAssert.Reachable);
        Assert.All(exposure.Blocked, ProbeAssert.Blocked);
        // Stranger is a WireGuard peer whose session is up (the ping): its SYNs over wg0 reach the table and die there.
        Assert.True(exposure.DroppedExporter.After > exposure.DroppedExporter.Before,
            $"dropped_exporter did not count the probes: {exposure.DroppedExporter}");
    }
}
