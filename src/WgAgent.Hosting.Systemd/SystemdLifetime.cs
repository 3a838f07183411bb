using System.Runtime.InteropServices;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace WgAgent.Hosting.Systemd;

/// <summary>
/// The host lifetime for a systemd service: SIGTERM (what systemd sends to stop a unit, systemd.kill(5))
/// stops the application gracefully, READY=1 goes out when the host has started (unless
/// <see cref="SystemdOptions.NotifyReadyOnStarted"/> is off) and STOPPING=1 when it begins to stop.
/// </summary>
public sealed class SystemdLifetime : IHostLifetime, IDisposable
{
    private readonly IHostEnvironment environment;
    private readonly IHostApplicationLifetime applicationLifetime;
    private readonly ISystemdNotifier notifier;
    private readonly ILogger logger;
    private readonly bool notifyReady;
    private readonly List<IDisposable> registrations = [];

    /// <summary>A lifetime that sends READY=1 on start, like Microsoft.Extensions.Hosting.Systemd's.</summary>
    /// <param name="environment">The host environment (named in the start-up log line).</param>
    /// <param name="applicationLifetime">The application's lifetime events.</param>
    /// <param name="systemdNotifier">Where READY=1 and STOPPING=1 go.</param>
    /// <param name="loggerFactory">For the start and stop log lines.</param>
    public SystemdLifetime(
        IHostEnvironment environment,
        IHostApplicationLifetime applicationLifetime,
        ISystemdNotifier systemdNotifier,
        ILoggerFactory loggerFactory)
        : this(environment, applicationLifetime, systemdNotifier, loggerFactory, new SystemdOptions())
    {
    }

    /// <summary>A lifetime configured by <paramref name="options"/>.</summary>
    /// <param name="environment">The host environment (named in the start-up log line).</param>
    /// <param name="applicationLifetime">The application's lifetime events.</param>
    /// <param name="systemdNotifier">Where READY=1 and STOPPING=1 go.</param>
    /// <param name="loggerFactory">For the start and stop log lines.</param>
    /// <param name="options">Whether READY=1 is sent on start.</param>
    public SystemdLifetime(
        IHostEnvironment environment,
        IHostApplicationLifetime applicationLifetime,
        ISystemdNotifier systemdNotifier,
        ILoggerFactory loggerFactory,
        SystemdOptions options)
    {
        ArgumentNullException.ThrowIfNull(loggerFactory);
        ArgumentNullException.ThrowIfNull(options);
        this.environment = environment ?? throw new ArgumentNullException(nameof(environment));
        this.applicationLifetime = applicationLifetime ?? throw new ArgumentNullException(nameof(applicationLifetime));
        notifier = systemdNotifier ?? throw new ArgumentNullException(nameof(systemdNotifier));
        logger = loggerFactory.CreateLogger("WgAgent.Hosting.Systemd.SystemdLifetime");
        notifyReady = options.NotifyReadyOnStarted;
    }

    /// <summary>Hooks the lifetime events and SIGTERM; returns at once (the host starts without waiting).</summary>
    /// <param name="cancellationToken">Unused: nothing here waits.</param>
    public Task WaitForStartAsync(CancellationToken cancellationToken)
    {
        registrations.Add(applicationLifetime.ApplicationStarted.Register(OnStarted));
        registrations.Add(applicationLifetime.ApplicationStopping.Register(OnStopping));

        // Cancel the default action (exit at once) and stop through the host instead, so hosted
        // services run their StopAsync within the host's shutdown timeout (TimeoutStopSec= bounds us).
        registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            applicationLifetime.StopApplication();
        }));
        return Task.CompletedTask;
    }

    /// <summary>Nothing to do: STOPPING=1 was sent when stopping began.</summary>
    /// <param name="cancellationToken">Unused.</param>
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Unhooks the events and the signal handler.</summary>
    public void Dispose()
    {
        foreach (var registration in registrations)
        {
            registration.Dispose();
        }

        registrations.Clear();
    }

    private void OnStarted()
    {
        logger.LogInformation(
            "Application started. Hosting environment: {EnvironmentName}; content root: {ContentRoot}",
            environment.EnvironmentName,
            environment.ContentRootPath);
        if (notifyReady)
        {
            notifier.Notify(ServiceState.Ready);
        }
    }

    private void OnStopping()
    {
        logger.LogInformation("Application is shutting down");
        notifier.Notify(ServiceState.Stopping);
    }
}
