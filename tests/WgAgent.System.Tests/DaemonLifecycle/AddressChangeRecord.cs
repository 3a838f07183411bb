namespace WgAgent.System.Tests.DaemonLifecycle;

/// <summary>Scenario (b): the node's tunnel address moved away and back, and Prometheus scraping again afterwards.</summary>
/// <param name="Away">From the lab's address to <see cref="DaemonConfigs.MovedNode"/>.</param>
/// <param name="Back">And back (Prometheus's target is the lab's address).</param>
/// <param name="PrometheusError">Why Prometheus did not scrape the node again within 30 s after the move back; null when it did.</param>
/// <param name="PrometheusWait">How long after the move back it did.</param>
public sealed record AddressChangeRecord(AddressMoveRecord Away, AddressMoveRecord Back, string? PrometheusError, TimeSpan PrometheusWait);
