namespace WgAgent.Lab.Prometheus;

/// <summary>One active scrape target as /api/v1/targets reports it.</summary>
/// <param name="Job">The job label.</param>
/// <param name="ScrapeUrl">The URL Prometheus scrapes.</param>
/// <param name="Health">"up", "down" or "unknown".</param>
/// <param name="LastError">The last scrape error, empty when none.</param>
/// <param name="LastScrape">When it was last scraped (null before the first scrape).</param>
public sealed record PrometheusTarget(string Job, string ScrapeUrl, string Health, string LastError, DateTimeOffset? LastScrape);
