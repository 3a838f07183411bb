namespace WgAgent.Core.Config;

/// <summary>The <c>[metrics]</c> section: wgagent's own Prometheus endpoint on the WireGuard address.</summary>
/// <param name="Port">The TCP port; 0 turns the endpoint off.</param>
public sealed record MetricsSettings(int Port)
{
    /// <summary>True unless the port is 0.</summary>
    public bool Enabled => Port != 0;
}
