using WgAgent.Lab.Addressing;
using WgAgent.Lab.Nspawn;
using WgAgent.Lab.Processes;
using WgAgent.Lab.WireGuard;
using WgAgent.System.Tests.Exporters;
using WgAgent.Lab.Installing;
using WgAgent.System.Tests.Killswitch;

namespace WgAgent.System.Tests.DaemonLifecycle;

/// <content>(b): wg0 deleted and created again on another address, and back.</content>
public sealed partial class DaemonNodeFixture
{
    private const string TunnelConfPath = "/etc/wireguard/wg0.conf";
    private static readonly TimeSpan SamplerDeadline = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan RebindWait = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan ScrapeWait = TimeSpan.FromSeconds(20);

    // A few more samples after the change settled: a late rebind elsewhere would show in them.
    private static readonly TimeSpan Afterglow = TimeSpan.FromMilliseconds(500);

    private async Task<AddressChangeRecord> ChangeAddressAsync(BootedHost booted)
    {
        var nodePeer = Lab.MonitorTunnel.Peers.Single(p => p.PublicKey == Lab.NodeTunnel.Keys.PublicKey);
        // Monitor's WireGuard takes packets from node only from node's AllowedIPs there: add the moved addresses.
        await Lab.Monitor.RunCheckedAsync("wg", "set", TunnelConfig.InterfaceName, "peer", nodePeer.PublicKey,
            "allowed-ips", DaemonConfigs.MonitorAllowedIpsWithMoved(nodePeer));
        AddressMoveRecord away;
        AddressMoveRecord back;
        string? prometheus;
        TimeSpan wait;
        try
        {
            away = await MoveAsync(booted, DaemonConfigs.MovedTunnel(Lab.NodeTunnel), LabAddresses.Node, DaemonConfigs.MovedNode);
        }
        finally
        {
            // Back whatever happened: the steps after this one expect the lab's address.
            back = await MoveAsync(booted, Lab.NodeTunnel.ToWgQuickConfig(), DaemonConfigs.MovedNode, LabAddresses.Node);
            var since = DateTimeOffset.UtcNow;
            var clock = global::System.Diagnostics.Stopwatch.StartNew();
            prometheus = await WaitForScrapeAfterAsync(since);
            wait = clock.Elapsed;
            await Lab.Monitor.RunCheckedAsync("wg", "set", TunnelConfig.InterfaceName, "peer", nodePeer.PublicKey, "allowed-ips", nodePeer.AllowedIpsText);
        }

        return new AddressChangeRecord(away, back, prometheus, wait);
    }

    private async Task<AddressMoveRecord> MoveAsync(BootedHost booted, string tunnelConfig, HostAddresses from, HostAddresses to)
    {
        var cursor = await DaemonProbe.CursorAsync(booted);
        var sampler = await ContainerSampler.StartAsync(
            booted, SamplerScripts.Listeners, [LabPorts.NodeExporter.ToString(global::System.Globalization.CultureInfo.InvariantCulture), TunnelConfig.InterfaceName],
            SamplerDeadline);
        CommandResult restart;
        IReadOnlyList<string> settled;
        ListenerTrace trace;
        try
        {
            await booted.WriteFileAsync(TunnelConfPath, tunnelConfig, AgentInstaller.SecretMode);
            // wg-quick down deletes wg0 (and its addresses); up creates it again from the file.
            restart = await SystemctlJob.RunAsync(booted, "restart", WgQuickUnit, Note);
            settled = await Listeners.WaitForAsync(booted, AddressMoveRecord.Endpoints(to), RebindWait);
            await Task.Delay(Afterglow);
        }
        finally
        {
            // Stopped in every case: it is bounded anyway, but should not outlive the step.
            trace = ListenerTrace.From(await sampler.StopAsync());
        }

        // The new wg0 has no session and monitor's is stale: a packet from node starts the handshake at once.
        await booted.ExecAsync(["ping", "-c", "1", "-W", "2", LabAddresses.Monitor.RequiredTunnelV4.ToString()]);
        var scrapes = new List<CommandResult>();
        foreach (var address in new[] { to.RequiredTunnelV4.ToString(), $"[{to.RequiredTunnelV6}]" })
        {
            scrapes.Add(await ScrapeFromMonitorAsync($"http://{address}:{LabPorts.NodeExporter}/metrics"));
        }

        return new AddressMoveRecord
        {
            From = from,
            To = to,
            Restart = restart,
            Trace = trace,
            ListenersAfter = settled,
            Scrapes = scrapes,
            Journal = await DaemonProbe.SinceAsync(booted, cursor),
        };
    }

    // The first handshake may take a moment: retried, bounded. --globoff: curl reads [] as a URL glob otherwise.
    private async Task<CommandResult> ScrapeFromMonitorAsync(string url)
    {
        var deadline = DateTime.UtcNow + ScrapeWait;
        while (true)
        {
            var result = await Lab.Monitor.RunAsync(["curl", "--globoff", "--silent", "--show-error", "--fail", "--max-time", "2", "--output", "/dev/null", url]);
            if (result.Succeeded || DateTime.UtcNow > deadline)
            {
                return result;
            }

            await Task.Delay(200);
        }
    }
}
