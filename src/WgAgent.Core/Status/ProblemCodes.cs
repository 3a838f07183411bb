namespace WgAgent.Core.Status;

/// <summary>The stable <see cref="StatusProblem.Code"/> values, so scripts need not parse sentences.</summary>
public static class ProblemCodes
{
    /// <summary>No table <c>inet wgagent</c> in the kernel.</summary>
    public const string KillswitchMissing = "killswitch-missing";

    /// <summary>The kernel's table could not be listed.</summary>
    public const string KillswitchUnreadable = "killswitch-unreadable";

    /// <summary>The kernel's table is not the expected one.</summary>
    public const string KillswitchDifferent = "killswitch-different";

    /// <summary>wgagent has not verified a table yet.</summary>
    public const string KillswitchUnverified = "killswitch-unverified";

    /// <summary>The last verified table is enforced instead of one computed from the config.</summary>
    public const string KillswitchFallback = "killswitch-fallback-last-good";

    /// <summary>The block-all table is enforced.</summary>
    public const string KillswitchBlockAll = "killswitch-block-all";

    /// <summary>The config file on disk is not in force (broken), or none was loaded.</summary>
    public const string ConfigBroken = "config-broken";

    /// <summary>The tunnel interface has not been seen yet.</summary>
    public const string TunnelUnknown = "tunnel-unknown";

    /// <summary>The tunnel interface does not exist.</summary>
    public const string TunnelAbsent = "tunnel-absent";

    /// <summary>The tunnel interface exists but is not up.</summary>
    public const string TunnelDown = "tunnel-down";

    /// <summary><c>wg show</c> failed.</summary>
    public const string WireGuardUnreadable = "wireguard-unreadable";

    /// <summary>The interface has no peers.</summary>
    public const string NoPeers = "peer-none";

    /// <summary>A peer never completed a handshake.</summary>
    public const string PeerNoHandshake = "peer-no-handshake";

    /// <summary>A peer's last handshake is older than <see cref="StatusComposer.HandshakeStaleAfter"/>.</summary>
    public const string PeerStaleHandshake = "peer-stale-handshake";

    /// <summary>The exporters have not been checked yet.</summary>
    public const string ExportersUnchecked = "exporters-unchecked";

    /// <summary>An exporter listens on an address outside the tunnel.</summary>
    public const string ExporterExposed = "exporter-exposed";

    /// <summary>An exporter listens on some WireGuard addresses only.</summary>
    public const string ExporterIncomplete = "exporter-incomplete";

    /// <summary>Nothing listens on an exporter's port.</summary>
    public const string ExporterNotListening = "exporter-not-listening";

    /// <summary>wgagent could not bind an exporter to the tunnel address.</summary>
    public const string ExporterBindFailed = "exporter-bind-failed";

    /// <summary>An <c>[ordering] after_tunnel</c> drop-in is not in place.</summary>
    public const string Ordering = "ordering";
}
