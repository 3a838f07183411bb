using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace WgAgent.Hosting.Systemd;

/// <summary>
/// Feeds the service manager's watchdog (WatchdogSec=, systemd.service(5)): WATCHDOG=1 at once and then
/// every <see cref="Interval"/> (half of WATCHDOG_USEC, as sd_watchdog_enabled(3) recommends) until the
/// host stops. Registered by AddSystemd only when the manager asked this process for keep-alives.
/// </summary>
public sealed class SystemdWatchdogService : BackgroundService
{
    private readonly ISystemdNotifier notifier;
    private readonly ILogger logger;
    private readonly TimeProvider timeProvider;

    /// <summary>Creates the service.</summary>
    /// <param name="notifier">Where WATCHDOG=1 goes.</param>
    /// <param name="interval">Time between keep-alives; positive.</param>
    /// <param name="logger">For the start line.</param>
    /// <param name="timeProvider">The timer source; null for the system clock.</param>
    public SystemdWatchdogService(ISystemdNotifier notifier, TimeSpan interval, ILogger<SystemdWatchdogService> logger, TimeProvider? timeProvider = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        this.notifier = notifier ?? throw new ArgumentNullException(nameof(notifier));
        this.logger = logger ?? throw new ArgumentNullException(nameof(logger));
        this.timeProvider = timeProvider ?? TimeProvider.System;
        Interval = interval;
    }

    /// <summary>Time between keep-alives.</summary>
    public TimeSpan Interval { get; }

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        logger.LogDebug("systemd watchdog: WATCHDOG=1 every {Interval}", Interval);
        using var timer = new PeriodicTimer(Interval, timeProvider);
        do
        {
            notifier.Notify(ServiceState.Watchdog);
        }
        while (await WaitAsync(timer, stoppingToken).ConfigureAwait(false));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
