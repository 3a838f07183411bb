using System.Diagnostics;
using System.Globalization;
using WgAgent.Lab.Addressing;
using WgAgent.Lab.Prometheus;
using WgAgent.System.Tests.Booting;
using Xunit;
using Xunit.Abstractions;

namespace WgAgent.System.Tests.BootedNode;

/// <summary>
/// A real systemd host in the lab: it boots to multi-user.target, wg-quick@wg0 brings the tunnel up with
/// the monitor, Prometheus in monitor scrapes its node_exporter over WireGuard, and its journal is readable.
/// </summary>
[Collection(BootedNodeCollection.Name)]
public sealed class BootedNodeTests(BootedNodeFixture fixture, ITestOutputHelper output)
    : BootedLabTests<BootedNodeFixture>(fixture, output)
{
    // systemd's catalogue id of "unit started" (job of type start finished), systemd/sd-messages.h.
    private const string UnitStartedMessageId = "39f53479d3a045ac8e11786248231fbf";
    private const string WgQuickUnit = "wg-quick@wg0.service";
    private static readonly TimeSpan TunnelTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Boot_InNodeNamespace_MultiUserTargetActiveAndSystemRunning()
    {
        var target = await Fixture.Host.ExecAsync(["systemctl", "is-active", "multi-user.target"]);
        var system = await Fixture.Host.ExecAsync(["systemctl", "is-system-running"]);
        var pid1 = (await Fixture.Host.ExecAsync(["cat", "/proc/1/comm"])).EnsureSuccess().Stdout.Trim();

        Assert.Equal("active", target.Stdout.Trim());
        Assert.Equal("running", system.Stdout.Trim());
        Assert.Equal("systemd", pid1);
    }

    [Fact]
    public async Task WgQuick_AfterBoot_ActiveWithMonitorHandshake()
    {
        var active = await Fixture.Host.ExecAsync(["systemctl", "is-active", WgQuickUnit]);
        Assert.Equal("active", active.Stdout.Trim());

        var monitorKey = Fixture.Lab.MonitorTunnel.Keys.PublicKey;
        var monitor = await WaitForHandshakeAsync(monitorKey);

        Assert.Equal($"{LabAddresses.Monitor.V4}:{LabPorts.WireGuard}", monitor.Endpoint);
        Assert.Contains($"{LabAddresses.Monitor.RequiredTunnelV4}/32", monitor.AllowedIps, StringComparison.Ordinal);
        var age = DateTimeOffset.UtcNow.ToUnixTimeSeconds() - monitor.LatestHandshake;
        Assert.InRange(age, -5, 300);
    }

    [Fact]
    public async Task Prometheus_NodeTarget_ScrapesContainerExporterOverWireGuard()
    {
        var stopwatch = Stopwatch.StartNew();
        await Fixture.Lab.Prometheus.WaitForTargetUpAsync(TunnelTimeout);
        Output.WriteLine($"node target up after {stopwatch.Elapsed.TotalSeconds:0.00} s");

        var up = await Fixture.Lab.Prometheus.QueryAsync($"up{{job=\"{PrometheusServer.NodeJob}\"}}");
        var uname = await Fixture.Lab.Prometheus.QueryAsync($"node_uname_info{{job=\"{PrometheusServer.NodeJob}\"}}");
        var hostname = (await Fixture.Host.ExecAsync(["hostname"])).EnsureSuccess().Stdout.Trim();

        var sample = Assert.Single(up);
        Assert.Equal(1, sample.Value);
        Assert.Equal($"{LabAddresses.Node.RequiredTunnelV4}:{LabPorts.NodeExporter}", sample.Label("instance"));
        // The scraped exporter is the container's: it reports the container's host name (its own UTS namespace).
        Assert.Equal(hostname, Assert.Single(uname).Label("nodename"));
    }

    [Fact]
    public async Task Journal_AfterBoot_RecordsWgQuickStart()
    {
        var entries = await Fixture.Host.JournalEntriesAsync(WgQuickUnit);
        var text = await Fixture.Host.JournalAsync(WgQuickUnit);

        Assert.Contains(entries, e => e.Unit == WgQuickUnit && e.MessageId == UnitStartedMessageId && e.Get("JOB_RESULT") == "done");
        // wg-quick's own output: no kernel module here, so it fell back to wireguard-go (ENVIRONMENT.md).
        Assert.Contains(entries, e => e.SystemdUnit == WgQuickUnit && e.Message.Contains("wireguard-go wg0", StringComparison.Ordinal));
        Assert.Contains("wg-quick", text, StringComparison.Ordinal);
    }

    private async Task<WireGuardDumpPeer> WaitForHandshakeAsync(string publicKey)
    {
        // A handshake needs traffic; a ping from the monitor over the tunnel makes one if no scrape has yet.
        var deadline = Stopwatch.StartNew();
        var last = "(no dump yet)";
        while (deadline.Elapsed < TunnelTimeout)
        {
            await Fixture.Lab.Monitor.PingAsync(LabAddresses.Node.RequiredTunnelV4);
            var dump = await Fixture.Host.ExecAsync(["wg", "show", "wg0", "dump"]);
            last = dump.Succeeded ? dump.Stdout : dump.Describe();
            if (dump.Succeeded && WireGuardDumpPeer.Parse(dump.Stdout).FirstOrDefault(p => p.PublicKey == publicKey) is { LatestHandshake: > 0 } peer)
            {
                Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"handshake with the monitor seen after {deadline.Elapsed.TotalSeconds:0.00} s"));
                return peer;
            }

            await Task.Delay(200);
        }

        throw new Xunit.Sdk.XunitException($"no handshake with the monitor peer {publicKey} within {TunnelTimeout.TotalSeconds} s; wg show wg0 dump:\n{last}");
    }
}
