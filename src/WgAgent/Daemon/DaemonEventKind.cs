namespace WgAgent.Daemon;

/// <summary>What woke the daemon's loop.</summary>
public enum DaemonEventKind
{
    /// <summary>netlink showed the tunnel interface change (link, flags or addresses).</summary>
    TunnelChanged,

    /// <summary>SIGHUP (<c>systemctl reload wgagent</c>): re-read both files.</summary>
    ReloadRequested,

    /// <summary><c>wait_timeout_seconds</c> passed since start.</summary>
    WaitTimedOut,

    /// <summary>Time to look at the exporters' listeners again (and retry a bind that failed).</summary>
    RecheckDue,
}
