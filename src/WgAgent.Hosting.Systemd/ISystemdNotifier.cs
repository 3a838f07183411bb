namespace WgAgent.Hosting.Systemd;

/// <summary>
/// Tells the service manager about this service's state (sd_notify(3)). The seam wgagent's daemon owns:
/// production code sends through <see cref="SystemdNotifier"/>; pure callers can be tested with a fake.
/// </summary>
public interface ISystemdNotifier
{
    /// <summary>Whether systemd asked for notifications (NOTIFY_SOCKET was set to an address this notifier can use).</summary>
    bool IsEnabled { get; }

    /// <summary>
    /// Sends <paramref name="state"/> to the service manager. Never throws for a missing or unwilling
    /// receiver: the service keeps running, the failure is logged.
    /// </summary>
    /// <param name="state">The state, e.g. <see cref="ServiceState.Ready"/>.</param>
    void Notify(ServiceState state);
}
