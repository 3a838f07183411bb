using System.Globalization;
using System.Text.Json;
using WgAgent.Lab.Prometheus;

namespace WgAgent.Lab.Demo.Steps;

/// <summary>Prometheus in monitor lists node as a healthy target, scraped at node's tunnel address.</summary>
public sealed class PrometheusTargetsStep : DemoStep
{
    /// <inheritdoc />
    public override string Title => "Prometheus in monitor scrapes node over the tunnel";

    /// <inheritdoc />
    public override async Task RunAsync(DemoContext context)
    {
        var lab = context.Lab;
        context.Narrator.Say("waiting for the first scrape (Prometheus sends new targets to its scraper every few seconds)...");
        await lab.Prometheus.WaitForTargetUpAsync(TimeSpan.FromSeconds(30), cancellationToken: context.Stopping).ConfigureAwait(false);

        context.Narrator.Say("the target list, from Prometheus's HTTP API inside monitor:");
        var url = new Uri(PrometheusServer.BaseUrl, "api/v1/targets?state=active").ToString();
        var result = await context.Lab.Monitor.RunAsync(["curl", "-sS", "--max-time", "5", url], TimeSpan.FromSeconds(10), cancellationToken: context.Stopping)
            .ConfigureAwait(false);
        context.Narrator.Command(lab.Monitor, result with { Stdout = $"({result.Stdout.Length} bytes of JSON, summarised below)" });
        if (!result.Succeeded)
        {
            throw new DemoStepFailedException($"querying Prometheus's targets failed: {result.Describe()}");
        }

        using var document = JsonDocument.Parse(result.Stdout);
        // Only node_exporter here: the wgagent job's target has no daemon in this lab (the last step shows it up).
        var targets = PrometheusServer.ParseTargets(document.RootElement).Where(t => t.Job == PrometheusServer.NodeJob).ToList();
        context.Narrator.Table(
            ["job", "scrape URL", "health", "last scrape", "last error"],
            targets.Select(t => (IReadOnlyList<string>)
            [
                t.Job, t.ScrapeUrl, t.Health,
                t.LastScrape?.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture) ?? "never",
                t.LastError.Length == 0 ? "-" : t.LastError,
            ]));

        var node = targets.SingleOrDefault(t => t.Job == PrometheusServer.NodeJob)
            ?? throw new DemoStepFailedException("Prometheus has no node target");
        if (node.Health != "up")
        {
            throw new DemoStepFailedException($"the node target is {node.Health}: {node.LastError}");
        }

        context.Narrator.Ok($"job {node.Job} is up at {node.ScrapeUrl}");
    }
}
