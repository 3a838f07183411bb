using System.Diagnostics;
using System.Net;
using System.Text.Json;
using WgAgent.Lab;
using WgAgent.Lab.Addressing;
using WgAgent.Lab.Hosts;
using WgAgent.Lab.Nspawn;
using WgAgent.Lab.Probes;
using WgAgent.Lab.Prometheus;

namespace WgAgent.System.Tests.StatusApi;

/// <content>The metrics: Prometheus's scrape over the tunnel, where the port listens and who reaches it.</content>
public sealed partial class StatusApiFixture
{
    private static readonly TimeSpan ScrapeWait = TimeSpan.FromSeconds(30);

    private async Task<ScrapeRecord> ScrapeAsync()
    {
        var prometheus = Lab.Prometheus;
        var clock = Stopwatch.StartNew();
        string? error = null;
        try
        {
            await prometheus.WaitForTargetUpAsync(ScrapeWait, PrometheusServer.AgentJob);
        }
        catch (Exception e) when (e is LabException or HttpRequestException)
        {
            error = e.Message;
        }

        var waited = clock.Elapsed;
        Task<IReadOnlyList<PrometheusSample>> Query(string metric) => prometheus.QueryAsync($"{metric}{{job=\"{PrometheusServer.AgentJob}\"}}");
        return new ScrapeRecord
        {
            WaitError = error,
            Waited = waited,
            Targets = await prometheus.TargetsAsync(),
            Up = await Query("wgagent_up"),
            KillswitchVerified = await Query("wgagent_killswitch_verified"),
            LatestHandshake = await Query("wireguard_latest_handshake_seconds"),
            ExporterBound = await Query("wgagent_exporter_bound"),
            TunnelUp = await Query("wgagent_tunnel_up"),
        };
    }

    /// <summary>
    /// ss inside the node, then TCP connects to the metrics port: the blocked ones (lan and monitor to node's LAN
    /// addresses, stranger — a WireGuard peer but no scraper — over the tunnel and over the LAN addresses) and the
    /// allowed control (monitor over the tunnel), with the kill switch's dropped_exporter counter read before and after.
    /// </summary>
    private async Task<ExposureRecord> ExposureAsync(BootedHost booted)
    {
        var port = LabPorts.AgentMetrics;
        var ss = (await booted.ExecAsync(["ss", "-H", "-l", "-t", "-n", $"sport = :{port}"])).EnsureSuccess();
        var listeners = ss.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[3]).Order(StringComparer.Ordinal).ToList();

        // The handshake first: a probe lost to a missing session would prove nothing about the table.
        var ping = await Lab.Stranger.PingAsync(LabAddresses.Node.RequiredTunnelV4, ProbeAssert.Patient);
        var node = LabAddresses.Node;
        var before = await DroppedExporterAsync(booted);
        var blocked = await Task.WhenAll(
        [
            .. Probe(Lab.Lan, [node.V4, node.V6]),
            .. Probe(Lab.Monitor, [node.V4, node.V6]),
            .. Probe(Lab.Stranger, [node.RequiredTunnelV4, node.RequiredTunnelV6, node.V4, node.V6]),
        ]);
        var after = await DroppedExporterAsync(booted);
        var allowed = await Task.WhenAll(
            new[] { node.RequiredTunnelV4, node.RequiredTunnelV6 }.Select(a => Lab.Monitor.TcpConnectAsync(a, port, ProbeAssert.Patient)));
        return new ExposureRecord
        {
            Listeners = listeners,
            Ss = ss,
            Blocked = blocked,
            Allowed = allowed,
            StrangerPing = ping,
            DroppedExporter = (before, after),
        };

        static IEnumerable<Task<ProbeResult>> Probe(LabHost from, IEnumerable<IPAddress> targets) =>
            targets.Select(t => from.TcpConnectAsync(t, LabPorts.AgentMetrics, ProbeAssert.Brief));
    }

    /// <summary>killswitch.drops.dropped_exporter.packets from /v1/status (0 when the table has no such counter).</summary>
    private static async Task<ulong> DroppedExporterAsync(BootedHost booted)
    {
        var curl = (await booted.ExecAsync(Curl("GET", "/v1/status"))).EnsureSuccess();
        using var document = JsonDocument.Parse(StatusApiJson.Body(curl));
        return document.RootElement.GetProperty("killswitch").GetProperty("drops").TryGetProperty("dropped_exporter", out var counter)
            ? counter.GetProperty("packets").GetUInt64()
            : 0;
    }
}
