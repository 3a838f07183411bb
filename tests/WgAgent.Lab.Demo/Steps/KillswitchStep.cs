using WgAgent.Lab.Addressing;
using WgAgent.Lab.Agent;

namespace WgAgent.Lab.Demo.Steps;

/// <summary>
/// The kill switch in node: the real wgagent computes table inet wgagent from a lab config and the node's wg0.conf,
/// then a leak attempt to "the internet" fails while monitor's scrape over the tunnel still works — side by side —
/// and taking the switch down again shows it was the cause.
/// </summary>
public sealed class KillswitchStep : DemoStep
{
    /// <inheritdoc />
    public override string Title => "The kill switch: a blocked leak and a working scrape, side by side";

    /// <inheritdoc />
    public override async Task RunAsync(DemoContext context)
    {
        var lab = context.Lab;
        var narrator = context.Narrator;
        if (!File.Exists(PublishedAgent.WgAgent))
        {
            throw new DemoStepFailedException($"{PublishedAgent.WgAgent} is missing: run `make publish` (make demo does)");
        }

        // The config lives in a private temp folder that node's mount namespace sees too (it follows the host's).
        var dir = Directory.CreateTempSubdirectory("wgagent-demo-");
        try
        {
            var wgConf = Path.Combine(dir.FullName, "wg0.conf");
            var toml = Path.Combine(dir.FullName, "wgagent.toml");
            await File.WriteAllTextAsync(wgConf, lab.NodeTunnel.ToWgQuickConfig(), context.Stopping).ConfigureAwait(false);
            await File.WriteAllTextAsync(toml, LabAgentConfig.TunnelEgress().Replace("/etc/wireguard/wg0.conf", wgConf, StringComparison.Ordinal),
                context.Stopping).ConfigureAwait(false);
            narrator.Say($"node's /etc/wgagent.toml for this demo ({toml}): egress only through the tunnel, node_exporter only");
            narrator.Say($"for monitor's tunnel address {LabAddresses.Monitor.RequiredTunnelV4}:");
            var up = await context.ShowAsync(lab.Node, PublishedAgent.WgAgent, "killswitch", "up", "--config", toml,
                "--state-directory", dir.FullName).ConfigureAwait(false);
            if (!up.Succeeded)
            {
                throw new DemoStepFailedException("wgagent killswitch up failed");
            }

            await SideBySideAsync(context, expectLeakBlocked: true).ConfigureAwait(false);
            await context.ShowAsync(lab.Node, "nft", "list", "counter", "inet", "wgagent", "rejected_output").ConfigureAwait(false);

            narrator.Say("and with the switch taken down, the same leak goes through (so the switch was the cause):");
            var down = await context.ShowAsync(lab.Node, PublishedAgent.WgAgent, "killswitch", "down").ConfigureAwait(false);
            if (!down.Succeeded)
            {
                throw new DemoStepFailedException("wgagent killswitch down failed");
            }

            await SideBySideAsync(context, expectLeakBlocked: false).ConfigureAwait(false);
            narrator.Ok("with the kill switch, node reached nothing outside the tunnel while monitor kept scraping it over WireGuard");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static async Task SideBySideAsync(DemoContext context, bool expectLeakBlocked)
    {
        var lab = context.Lab;
        var inet = LabAddresses.Inet.V4.ToString();
        var leak = await context.ShowAsync(lab.Node, "ncat", "-v", "-z", "-w", "2", inet, LabPorts.Https.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .ConfigureAwait(false);
        var url = $"http://{LabAddresses.Node.RequiredTunnelV4}:{LabPorts.NodeExporter}/metrics";
        var scrape = await lab.Monitor.RunAsync(["curl", "-sS", "--max-time", "5", "-o", "/dev/null", "-w", "HTTP %{http_code}, %{size_download} bytes", url],
            TimeSpan.FromSeconds(10), cancellationToken: context.Stopping).ConfigureAwait(false);
        context.Narrator.Command(lab.Monitor, scrape);
        context.Narrator.Say($"leak node -> inet {inet}:{LabPorts.Https}: {(leak.Succeeded ? "went through" : "blocked")}" +
            $"   |   scrape monitor -> node over wg0: {(scrape.Succeeded ? "works" : "FAILED")}");
        context.Narrator.Blank();
        if (leak.Succeeded == expectLeakBlocked || !scrape.Succeeded)
        {
            throw new DemoStepFailedException(expectLeakBlocked
                ? "with the kill switch up, the leak went through or the scrape failed"
                : "with the kill switch down, node could not reach inet or the scrape failed");
        }
    }
}
