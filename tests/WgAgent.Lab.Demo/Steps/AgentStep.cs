using WgAgent.Lab.Addressing;
using WgAgent.Lab.Agent;
using WgAgent.Lab.Installing;
using WgAgent.Lab.Nspawn;
using WgAgent.Lab.Processes;

namespace WgAgent.Lab.Demo.Steps;

/// <summary>
/// The daemon on a real Debian 12 node (systemd-nspawn in a second lab, whose node runs wg-quick@wg0 itself):
/// node_exporter starts stock on every address; `systemctl enable --now wgagent` moves it onto the WireGuard address
/// and reports READY; Prometheus scrapes it over the tunnel; a deleted table comes straight back.
/// </summary>
public sealed class AgentStep : DemoStep
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <inheritdoc />
    public override string Title => "The daemon on a booted Debian node: the exporter moved onto the tunnel, READY, self-healing";

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
    }

    private static async Task<CommandResult> ShowAsync(DemoContext context, BootedHost node, params string[] argv)
    {
        var result = await node.ExecAsync(argv, TimeSpan.FromSeconds(60), context.Stopping).ConfigureAwait(false);
        context.Narrator.Command("node (booted)", argv, result);
        return result;
    }
}
