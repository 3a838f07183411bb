namespace WgAgent.Daemon;

/// <summary>
/// What the daemon knows at one moment, reduced to what its one-line STATUS= needs (pure data, so the wording is
/// tested without a host).
/// </summary>
/// <param name="Killswitch">The kill switch's posture, e.g. <c>kill switch verified</c>.</param>
/// <param name="KillswitchVerified">False when the table in the kernel is not the verified computed one.</param>
/// <param name="Interface">The WireGuard interface name.</param>
/// <param name="TunnelAddresses">Its usable addresses; empty when it is not up.</param>
/// <param name="WaitedOut">The wait timeout when it passed without the tunnel coming up; null otherwise.</param>
/// <param name="Exporters">The exporters' state, e.g. <c>exporters bound: node</c>; null while nothing was tried.</param>
/// <param name="ExportersHealthy">False when an exporter is not bound or not listening as planned.</param>
/// <param name="BrokenConfig">The config file that a reload found broken (the previous policy is kept); null when fine.</param>
public sealed record DaemonView(
    string Killswitch,
    bool KillswitchVerified,
    string Interface,
    IReadOnlyList<string> TunnelAddresses,
    TimeSpan? WaitedOut,
    string? Exporters,
    bool ExportersHealthy,
    string? BrokenConfig)
{
    /// <summary>True when the tunnel has at least one usable address.</summary>
    public bool TunnelUp => TunnelAddresses.Count > 0;
}
