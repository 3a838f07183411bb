using System.Diagnostics;
using System.Globalization;
using WgAgent.Lab.Addressing;
using WgAgent.Lab.Prometheus;
using WgAgent.System.Tests.BootedNode;
using WgAgent.System.Tests.Booting;
using WgAgent.Lab.Installing;
using Xunit.Abstractions;

namespace WgAgent.System.Tests.Killswitch;

/// <summary>
/// With the kill switch loaded (egress only through the tunnel), the tunnel itself still works: WireGuard
/// handshakes with the monitor, Prometheus scrapes the node over it, and traffic outside it goes nowhere.
/// </summary>
[Collection(GuardedNodeCollection.Name)]
public sealed class TunnelUnderPolicyTests(GuardedNodeFixture fixture, ITestOutputHelper output)
    : BootedLabTests<GuardedNodeFixture>(fixture, output)
{
    private static readonly TimeSpan TunnelTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task AgentCtlConfigCheck_LabConfig_Valid()
    {
        // A broken config would make the kill switch load last-good or block-all, and these tests would then
        // be about a fallback: the config and the wg0.conf it names must pass as they are in the node.
        var check = await Fixture.Host.ExecAsync([AgentPackage.AgentCtlPath, "config", "check", AgentPackage.ConfigPath]);

        Assert.True(check.Succeeded, check.Describe());
        Output.WriteLine(check.Stdout.Trim());
    }

    [Fact]
    public async Task WgQuick_UnderKillswitch_HandshakeWithMonitor()
    {
        var monitorKey = Fixture.Lab.MonitorTunnel.Keys.PublicKey;
        var clock = Stopwatch.StartNew();
        var last = "(no dump yet)";
        WireGuardDumpPeer? monitor = null;
        while (monitor is null && clock.Elapsed < TunnelTimeout)
        {
            // A handshake needs traffic: a ping from inside the node over the tunnel makes one.
            await Fixture.Host.ExecAsync(["ping", "-c", "1", "-W", "1", LabAddresses.Monitor.RequiredTunnelV4.ToString()]);
            var dump = await Fixture.Host.ExecAsync(["wg", "show", "wg0", "dump"]);
            last = dump.Succeeded ? dump.Stdout : dump.Describe();
            monitor = dump.Succeeded ? WireGuardDumpPeer.Parse(dump.Stdout).FirstOrDefault(p => p.PublicKey == monitorKey && p.LatestHandshake > 0) : null;
        }

        Assert.True(monitor is not null, $"no handshake with the monitor within {TunnelTimeout.TotalSeconds} s under the kill switch; wg show wg0 dump:\n{last}");
        Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"handshake with the monitor seen after {clock.Elapsed.TotalSeconds:0.00} s"));
        var ping = await Fixture.Host.ExecAsync(["ping", "-c", "1", "-W", "2", LabAddresses.Monitor.RequiredTunnelV4.ToString()]);
        Assert.True(ping.Succeeded, ping.Describe());
    }

    [Fact]
    public async Task Prometheus_UnderKillswitch_ScrapesNodeOverWireGuard()
    {
        var clock = Stopwatch.StartNew();
        await Fixture.Lab.Prometheus.WaitForTargetUpAsync(TunnelTimeout);
        Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"node target up after {clock.Elapsed.TotalSeconds:0.00} s"));

        var up = Assert.Single(await Fixture.Lab.Prometheus.QueryAsync($"up{{job=\"{PrometheusServer.NodeJob}\"}}"));
        var hostname = (await Fixture.Host.ExecAsync(["hostname"])).EnsureSuccess().Stdout.Trim();
        var uname = Assert.Single(await Fixture.Lab.Prometheus.QueryAsync($"node_uname_info{{job=\"{PrometheusServer.NodeJob}\"}}"));

        Assert.Equal(1, up.Value);
        Assert.Equal($"{LabAddresses.Node.RequiredTunnelV4}:{LabPorts.NodeExporter}", up.Label("instance"));
        Assert.Equal(hostname, uname.Label("nodename"));
    }

    [Fact]
    public async Task Egress_OutsideTunnel_NeverReachesInternet()
    {
        var target = LabAddresses.Inet.V4.ToString();
        var before = Fixture.Lab.InetEcho.Hits.Count(h => h.Remote.Address.Equals(LabAddresses.Node.V4));

        // bash's /dev/tcp: a plain connect from inside the node, no extra tools. The node's default route
        // leads to inet through the router, so only the kill switch can stop it.
        var connect = await Fixture.Host.ExecAsync(
            ["timeout", "5", "bash", "-c", $"exec 3<>/dev/tcp/{target}/{LabPorts.Echo} && echo connected"]);
        var ping = await Fixture.Host.ExecAsync(["ping", "-c", "1", "-W", "2", target]);
        var after = Fixture.Lab.InetEcho.Hits.Count(h => h.Remote.Address.Equals(LabAddresses.Node.V4));

        Assert.False(connect.Succeeded, $"the node connected to {target} outside the tunnel: {connect.Describe()}");
        Assert.DoesNotContain("connected", connect.Stdout, StringComparison.Ordinal);
        Assert.False(ping.Succeeded, $"the node pinged {target} outside the tunnel: {ping.Describe()}");
        Assert.Equal(before, after);
        Output.WriteLine($"connect: {connect.Describe()}\nping: {ping.Describe()}");
    }
}
