using WgAgent.Lab.Addressing;

namespace WgAgent.Lab.Demo.Steps;

/// <summary>One scrape by hand from monitor: routed via wg0, answered by node's exporter; the underlay port is closed.</summary>
public sealed class ScrapeStep : DemoStep
{
    /// <inheritdoc />
    public override string Title => "One scrape by hand, over the tunnel";

    /// <inheritdoc />
    public override async Task RunAsync(DemoContext context)
    {
        var lab = context.Lab;
        var tunnel = LabAddresses.Node.RequiredTunnelV4.ToString();
        context.Narrator.Say("monitor's route to node's tunnel address goes through its wg0:");
        var route = await context.ShowAsync(lab.Monitor, "ip", "route", "get", tunnel).ConfigureAwait(false);
        if (!route.Stdout.Contains("dev wg0", StringComparison.Ordinal))
        {
            throw new DemoStepFailedException($"monitor does not route {tunnel} via wg0: {route.Stdout.Trim()}");
        }

        var url = $"http://{tunnel}:{LabPorts.NodeExporter}/metrics";
        var scrape = await lab.Monitor.RunAsync(["curl", "-sS", "--max-time", "5", url], TimeSpan.FromSeconds(10), cancellationToken: context.Stopping)
            .ConfigureAwait(false);
        if (!scrape.Succeeded)
        {
            context.Narrator.Command(lab.Monitor, scrape);
            throw new DemoStepFailedException($"scraping {url} failed");
        }

        // The node's own interfaces, as its exporter sees them: proof the answer came from node.
        var lines = scrape.Stdout.Split('\n');
        var shown = lines.Where(l => l.StartsWith("node_network_receive_bytes_total{", StringComparison.Ordinal)
            || l.StartsWith("node_exporter_build_info{", StringComparison.Ordinal));
        context.Narrator.Command(lab.Monitor, scrape with { Stdout = string.Join('\n', shown) + $"\n... ({lines.Length} lines, {scrape.Stdout.Length} bytes in all; the lines above picked out)" });

        context.Narrator.Blank();
        context.Narrator.Say("the same port on node's LAN address is closed (node_exporter is bound to the tunnel address only):");
        var underlay = await context.ShowAsync(lab.Monitor, "curl", "-sS", "--max-time", "2", $"http://{LabAddresses.Node.V4}:{LabPorts.NodeExporter}/metrics")
            .ConfigureAwait(false);
        if (underlay.Succeeded)
        {
            throw new DemoStepFailedException("node_exporter answered on node's LAN address");
        }

        context.Narrator.Ok($"{lines.Length} lines of metrics came over WireGuard; the LAN address refused");
    }
}
