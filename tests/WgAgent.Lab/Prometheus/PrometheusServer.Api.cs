using System.Globalization;
using System.Text.Json;

namespace WgAgent.Lab.Prometheus;

/// <summary>The HTTP API side: queries, targets, and bounded waits on them.</summary>
public sealed partial class PrometheusServer
{
    /// <summary>Runs an instant query (/api/v1/query) and returns the vector's samples.</summary>
    public async Task<IReadOnlyList<PrometheusSample>> QueryAsync(string promql, CancellationToken cancellationToken = default)
    {
        using var document = await GetDataAsync($"api/v1/query?query={Uri.EscapeDataString(promql)}", cancellationToken).ConfigureAwait(false);
        var data = document.RootElement.GetProperty("data");
        if (data.GetProperty("resultType").GetString() != "vector")
        {
            throw new LabException($"query `{promql}`: expected a vector, got {data.GetProperty("resultType")}");
        }

        return [.. data.GetProperty("result").EnumerateArray().Select(ToSample)];
    }

    /// <summary>The active targets (/api/v1/targets).</summary>
    public async Task<IReadOnlyList<PrometheusTarget>> TargetsAsync(CancellationToken cancellationToken = default)
    {
        using var document = await GetDataAsync("api/v1/targets?state=active", cancellationToken).ConfigureAwait(false);
        return ParseTargets(document.RootElement);
    }

    /// <summary>Parses an /api/v1/targets response body.</summary>
    public static IReadOnlyList<PrometheusTarget> ParseTargets(JsonElement root) =>
    [
        .. root.GetProperty("data").GetProperty("activeTargets").EnumerateArray().Select(t => new PrometheusTarget(
            t.GetProperty("labels").TryGetProperty("job", out var job) ? job.GetString() ?? "" : "",
            t.GetProperty("scrapeUrl").GetString() ?? "",
            t.GetProperty("health").GetString() ?? "",
            t.TryGetProperty("lastError", out var error) ? error.GetString() ?? "" : "",
            t.TryGetProperty("lastScrape", out var at) && at.GetString() is { } text
                && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
                && time.Year > 1 ? time : null)),
    ];

    /// <summary>Waits until <c>up{job="node"} == 1</c> (polling every 200 ms, bounded).</summary>
    /// <exception cref="LabException">Not up within <paramref name="timeout"/>; the message has the target's last error.</exception>
    public async Task WaitForTargetUpAsync(TimeSpan timeout, string job = NodeJob, CancellationToken cancellationToken = default)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var up = await QueryAsync($"up{{job=\"{job}\"}}", cancellationToken).ConfigureAwait(false);
            if (up.Count > 0 && up.All(s => s.Value == 1))
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                var targets = await TargetsAsync(cancellationToken).ConfigureAwait(false);
                var detail = string.Join("; ", targets.Select(t => $"{t.ScrapeUrl} {t.Health} {t.LastError}"));
                throw new LabException($"Prometheus target job={job} not up within {timeout.TotalSeconds} s: {detail}");
            }

            await Task.Delay(200, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<JsonDocument> GetDataAsync(string relative, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(relative, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new LabException($"Prometheus GET /{relative}: HTTP {(int)response.StatusCode}: {body}");
        }

        return JsonDocument.Parse(body);
    }

    private static PrometheusSample ToSample(JsonElement element)
    {
        var labels = element.GetProperty("metric").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "", StringComparer.Ordinal);
        // Prometheus writes values as strings, with +Inf/-Inf/NaN spelled its own way.
        var value = element.GetProperty("value")[1].GetString() switch
        {
            "+Inf" => double.PositiveInfinity,
            "-Inf" => double.NegativeInfinity,
            "NaN" or null => double.NaN,
            var text => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
        };
        return new PrometheusSample(labels, value);
    }
}
