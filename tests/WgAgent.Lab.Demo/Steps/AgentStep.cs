using WgAgent.Lab.Addressing;
using WgAgent.Lab.Agent;
using WgAgent.Lab.Installing;
using WgAgent.Lab.Nspawn;
using WgAgent.Lab.Processes;
using WgAgent.Lab.Prometheus;

namespace WgAgent.Lab.Demo.Steps;

/// <summary>
/// The daemon on a real Debian 12 node (systemd-nspawn in a second lab, whose node runs wg-quick@wg0 itself):
/// node_exporter starts stock on every address; `systemctl enable --now wgagent` moves it onto the WireGuard address
/// and reports READY; Prometheus scrapes it over the tunnel; a deleted table comes straight back; `agentctl status` tells
/// the truth of it all, and Prometheus scrapes wgagent's own metrics over the tunnel too.
/// </summary>
public sealed class AgentStep : DemoStep
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StatusPatience = TimeSpan.FromSeconds(30);

    // What the demo shows of wgagent's metrics (docs/status-api.md), as one selector.
    private static readonly string MetricsQuery = $"{{job=\"{PrometheusServer.AgentJob}\",__name__=~\"" +
        "wgagent_up|wgagent_healthy|wgagent_killswitch_verified|wgagent_killswitch_repairs_total|wgagent_tunnel_up|" +
        "wgagent_exporter_bound|wireguard_latest_handshake_seconds\"}";

    /// <inheritdoc />
    public override string Title => "The daemon on a booted Debian node: the exporter moved onto the tunnel, READY, self-healing, agentctl status, metrics";

    /// <inheritdoc />
    public override async Task RunAsync(DemoContext context)
    {
        var narrator = context.Narrator;
        narrator.Say("a second lab whose node is a booted Debian 12 (systemd-nspawn): wgagent's files installed as the package");
        narrator.Say("would, the kill switch and wg-quick@wg0 enabled, Debian's node_exporter as it comes (wgagent.service not yet on)...");
        await using var lab = await Lab.StartAsync(new LabOptions { ExternalNodeTunnel = true }, context.Stopping).ConfigureAwait(false);
        await using var node = await BootedHost.StartAsync(
            new BootedHostOptions { NetworkNamespacePath = lab.Node.NamespacePath, MachineNamePrefix = $"wgl2-{lab.Id}-demo", AcceptDegraded = true },
            async host =>
            {
                await AgentInstaller.InstallGuardedNodeAsync(host, lab.NodeTunnel, LabAgentConfig.TunnelEgress()).ConfigureAwait(false);
                await AgentInstaller.AddSystemGroupAsync(host, AgentPackage.StatusGroup).ConfigureAwait(false);
            }).ConfigureAwait(false);
        narrator.Ok($"node booted in {node.BootDuration!.Value.TotalSeconds:0.00} s");

        var exporterPort = $"sport = :{LabPorts.NodeExporter}";
        var stock = await ShowAsync(context, node, "ss", "-ltnH", exporterPort).ConfigureAwait(false);
        narrator.Say("node_exporter as Debian starts it: listening on every address of the host.");

        await ShowAsync(context, node, "systemctl", "enable", "--now", AgentPackage.DaemonUnit).ConfigureAwait(false);
        var status = await ShowAsync(context, node, "systemctl", "show", "--property=StatusText", "--value", AgentPackage.DaemonUnit).ConfigureAwait(false);
        await ShowAsync(context, node, "journalctl", "--no-pager", "-o", "cat", "-u", AgentPackage.DaemonUnit).ConfigureAwait(false);
        var bound = await ShowAsync(context, node, "ss", "-ltnH", exporterPort).ConfigureAwait(false);
        var tunnelEndpoint = $"{LabAddresses.Node.RequiredTunnelV4}:{LabPorts.NodeExporter}";
        if (!stock.Stdout.Contains($"*:{LabPorts.NodeExporter}", StringComparison.Ordinal)
            || !bound.Stdout.Contains(tunnelEndpoint, StringComparison.Ordinal)
            || bound.Stdout.Contains($"*:{LabPorts.NodeExporter}", StringComparison.Ordinal)
            || !status.Stdout.StartsWith("kill switch verified", StringComparison.Ordinal))
        {
            throw new DemoStepFailedException($"wgagent did not move node_exporter onto {tunnelEndpoint} (status: {status.Stdout.Trim()})");
        }

        narrator.Say("waiting for Prometheus in monitor to scrape node at its tunnel address...");
        await lab.Prometheus.WaitForTargetUpAsync(Patience, cancellationToken: context.Stopping).ConfigureAwait(false);
        narrator.Ok($"node_exporter listens only on the WireGuard address ({tunnelEndpoint}) and Prometheus scrapes it over the tunnel");

        narrator.Say("someone deletes the kill switch's table; wgagent sees nftables' own notification and puts it back:");
        await ShowAsync(context, node, "nft", "delete", "table", "inet", "wgagent").ConfigureAwait(false);
        await Task.Delay(TimeSpan.FromMilliseconds(200), context.Stopping).ConfigureAwait(false);
        var tables = await ShowAsync(context, node, "nft", "list", "tables").ConfigureAwait(false);
        await ShowAsync(context, node, "journalctl", "--no-pager", "-o", "cat", "-u", AgentPackage.DaemonUnit, "-n", "1").ConfigureAwait(false);
        if (!tables.Stdout.Contains("table inet wgagent", StringComparison.Ordinal))
        {
            throw new DemoStepFailedException("table inet wgagent was not put back within 200 ms");
        }

        narrator.Ok("the table was back within 200 ms");

        await ShowStatusAsync(context, node).ConfigureAwait(false);
        await ShowMetricsAsync(context, lab).ConfigureAwait(false);
    }

    /// <summary>
    /// `agentctl status` in the node once it exits 0 (bounded). The lab's peers have no keepalive and "ok" wants a recent
    /// handshake with every peer: a ping to monitor and to stranger over the tunnel makes them.
    /// </summary>
    private static async Task ShowStatusAsync(DemoContext context, BootedHost node)
    {
        context.Narrator.Say("`agentctl status` in the node: what the daemon reads from the kernel and systemd right now, over");
        context.Narrator.Say("/run/wgagent/agent.sock (exit 0 ok, 1 degraded, 2 unreachable):");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        CommandResult status;
        while (true)
        {
            foreach (var peer in new[] { LabAddresses.Monitor, LabAddresses.Stranger })
            {
                await node.ExecAsync(["ping", "-c", "1", "-W", "1", peer.RequiredTunnelV4.ToString()], cancellationToken: context.Stopping).ConfigureAwait(false);
            }

            status = await node.ExecAsync([AgentPackage.AgentCtlPath, "status"], TimeSpan.FromSeconds(30), context.Stopping).ConfigureAwait(false);
            if (status.ExitCode == 0 || clock.Elapsed > StatusPatience)
            {
                break;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), context.Stopping).ConfigureAwait(false);
        }

        context.Narrator.Command("node (booted)", ["agentctl", "status"], status, maxLines: 60);
        if (status.ExitCode != 0)
        {
            throw new DemoStepFailedException($"agentctl status exited {status.ExitCode} (not ok within {StatusPatience.TotalSeconds} s)");
        }

        context.Narrator.Ok("agentctl status: ok (exit 0)");
    }

    /// <summary>
    /// wgagent's own series, as the booted node's lab's Prometheus in monitor scraped them over the tunnel (job wgagent);
    /// not <see cref="DemoContext.Lab"/>'s, whose node runs no daemon.
    /// </summary>
    private static async Task ShowMetricsAsync(DemoContext context, Lab lab)
    {
        var prometheus = lab.Prometheus;
        context.Narrator.Say($"Prometheus in monitor also scrapes wgagent's metrics over the tunnel (job {PrometheusServer.AgentJob}, " +
            $"{PrometheusServer.AgentTarget}; only monitor may reach that port, through wg0):");
        await prometheus.WaitForTargetUpAsync(Patience, PrometheusServer.AgentJob, context.Stopping).ConfigureAwait(false);
        // The newest sample may predate the pings above by up to a scrape interval: wait (bounded) for one that saw
        // what agentctl just saw, wgagent_healthy 1.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        IReadOnlyList<PrometheusSample> samples;
        while (true)
        {
            samples = await prometheus.QueryAsync(MetricsQuery, context.Stopping).ConfigureAwait(false);
            if (samples.Any(s => s.Label("__name__") == "wgagent_healthy" && s.Value == 1) || clock.Elapsed > StatusPatience)
            {
                break;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), context.Stopping).ConfigureAwait(false);
        }

        context.Narrator.Say($"query: {MetricsQuery}");
        context.Narrator.Table(["series", "value"], samples
            .OrderBy(s => s.Label("__name__"), StringComparer.Ordinal)
            .Select(s => (IReadOnlyList<string>)[Series(s), s.Value.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)]));
        var verified = samples.Where(s => s.Label("__name__") == "wgagent_killswitch_verified").Select(s => s.Value).ToList();
        var handshakes = samples.Count(s => s.Label("__name__") == "wireguard_latest_handshake_seconds" && s.Value > 0);
        if (verified is not [1] || handshakes == 0)
        {
            throw new DemoStepFailedException($"Prometheus has no healthy wgagent series: wgagent_killswitch_verified {string.Join(",", verified)}, {handshakes} handshake series");
        }

        context.Narrator.Ok($"Prometheus has wgagent_killswitch_verified 1 and {handshakes} wireguard_latest_handshake_seconds series from node");
    }

    private static string Series(PrometheusSample sample)
    {
        var labels = sample.Labels.Where(l => l.Key is not ("__name__" or "job" or "instance" or "allowed_ips"))
            .Select(l => $"{l.Key}=\"{(l.Key == "public_key" ? l.Value[..8] + "…" : l.Value)}\"");
        var text = string.Join(",", labels);
        return text.Length == 0 ? sample.Label("__name__") : $"{sample.Label("__name__")}{{{text}}}";
    }

    private static async Task<CommandResult> ShowAsync(DemoContext context, BootedHost node, params string[] argv)
    {
        var result = await node.ExecAsync(argv, TimeSpan.FromSeconds(60), context.Stopping).ConfigureAwait(false);
        context.Narrator.Command("node (booted)", argv, result);
        return result;
    }
}
