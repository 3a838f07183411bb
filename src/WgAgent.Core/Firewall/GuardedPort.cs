namespace WgAgent.Core.Firewall;

/// <summary>A TCP port that accepts connections only over the tunnel from its scrapers, whatever the inbound
/// posture, on every address of the host (the drop is by port).</summary>
/// <param name="Name">Whose port: the exporter's name, or <see cref="KillswitchPolicyBuilder.MetricsName"/>.</param>
/// <param name="Port">The TCP port.</param>
public sealed record GuardedPort(string Name, int Port);
