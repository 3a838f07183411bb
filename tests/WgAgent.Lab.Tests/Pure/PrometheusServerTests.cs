using System.Text.Json;
using WgAgent.Lab.Prometheus;

namespace WgAgent.Lab.Tests.Pure;

public sealed class PrometheusServerTests
{
    [Fact]
    public void RenderConfig_OneSecond_ScrapesTheTargetEverySecond()
    {
        var yaml = PrometheusServer.RenderConfig("10.77.0.2:9100", TimeSpan.FromSeconds(1));

        Assert.Contains("  scrape_interval: 1000ms\n", yaml, StringComparison.Ordinal);
        Assert.Contains("  - job_name: node\n", yaml, StringComparison.Ordinal);
        Assert.Contains("      - targets: ['10.77.0.2:9100']\n", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseTargets_ApiResponse_JobUrlHealthAndError()
    {
        const string body = """
            {"status":"success","data":{"activeTargets":[
              {"labels":{"instance":"10.77.0.2:9100","job":"node"},"scrapeUrl":"http://10.77.0.2:9100/metrics",
               "lastError":"","lastScrape":"2025-01-01T10:00:00.5Z","health":"up"},
              {"labels":{"job":"other"},"scrapeUrl":"http://x:1/metrics","lastError":"connection refused",
               "lastScrape":"0001-01-01T00:00:00Z","health":"down"}],"droppedTargets":[]}}
            """;
        using var document = JsonDocument.Parse(body);

        var targets = PrometheusServer.ParseTargets(document.RootElement);

        Assert.Equal(2, targets.Count);
        Assert.Equal(new PrometheusTarget("node", "http://10.77.0.2:9100/metrics", "up", "", DateTimeOffset.Parse("2025-01-01T10:00:00.5Z", System.Globalization.CultureInfo.InvariantCulture)), targets[0]);
        Assert.Equal("down", targets[1].Health);
        Assert.Equal("connection refused", targets[1].LastError);
        Assert.Null(targets[1].LastScrape);
    }
}
