namespace WgAgent.Hosting.Systemd;

/// <summary>How <see cref="SystemdHostBuilderExtensions.AddSystemd(Microsoft.Extensions.DependencyInjection.IServiceCollection, Action{SystemdOptions}?)"/> sets the host up.</summary>
public sealed class SystemdOptions
{
    /// <summary>
    /// Send READY=1 as soon as the host has started (what Microsoft.Extensions.Hosting.Systemd always
    /// does). Default true. Turn it off when the service itself knows better when it is ready, as
    /// wgagent does (after the kill switch is verified and wg0 is awaited): it then sends
    /// <see cref="ServiceState.Ready"/> through <see cref="ISystemdNotifier"/> itself.
    /// </summary>
    public bool NotifyReadyOnStarted { get; set; } = true;

    /// <summary>
    /// Send WATCHDOG=1 every WATCHDOG_USEC/2 while the host runs, when the manager asks for it
    /// (WatchdogSec=). Default true.
    /// </summary>
    public bool Watchdog { get; set; } = true;

    /// <summary>
    /// Remove NOTIFY_SOCKET, WATCHDOG_USEC and WATCHDOG_PID from the environment children inherit (see
    /// <see cref="SystemdEnvironment.UnsetInheritedVariables"/>). Default true.
    /// </summary>
    public bool UnsetEnvironment { get; set; } = true;
}
