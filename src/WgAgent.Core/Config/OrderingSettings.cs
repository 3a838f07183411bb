namespace WgAgent.Core.Config;

/// <summary>
/// The <c>[ordering]</c> section: other units that must wait for the tunnel. wgagent writes a drop-in for each
/// (<c>Wants=</c> and <c>After=wgagent.service</c>), so they start only once wgagent is ready (issue 5).
/// </summary>
/// <param name="AfterTunnel">
/// The units (e.g. <c>docker.service</c>), in file order, without duplicates; none of them part of wgagent's own
/// start-up chain (the reader refuses those, they would form an ordering cycle).
/// </param>
public sealed record OrderingSettings(IReadOnlyList<SystemdUnitName> AfterTunnel)
{
    /// <summary>No unit waits for wgagent: the default.</summary>
    public static OrderingSettings None { get; } = new([]);
}
