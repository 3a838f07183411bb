namespace WgAgent.Daemon.Bench.Reaction;

/// <summary>What a reaction iteration measures.</summary>
internal enum ReactionCase
{
    /// <summary>
    /// The daemon waits for wg0; wg-quick brings it up with the address the exporter's socket unit already names (as at
    /// boot, when the files of the previous run are in place): the bind is a no-op without any systemctl call.
    /// </summary>
    NoOpBind,

    /// <summary>
    /// The daemon waits for wg0; wg0.conf was changed meanwhile, so wg-quick brings it up with another address than the
    /// socket unit names: the daemon stops the exporter, rewrites the socket unit, reloads systemd and starts it.
    /// </summary>
    Rebind,

    /// <summary>wg0 is already up; `systemctl start wgagent` (process start to READY=1, as at boot, where
    /// wgagent.service is ordered after wg-quick@wg0).</summary>
    ColdStart,
}
