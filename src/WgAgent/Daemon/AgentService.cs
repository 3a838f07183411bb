using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using WgAgent.Core.Config;
using WgAgent.Core.Exporters;
using WgAgent.Core.Net;
using WgAgent.Core.Tunnel;
using WgAgent.Hosting.Systemd;
using WgAgent.Tunnel;

namespace WgAgent.Daemon;

/// <summary>
/// The daemon's one loop: kill switch first, then wait for the tunnel (netlink events, no polling), keep the exporters
/// on its addresses, tell systemd READY and a human STATUS=, reload on SIGHUP. Every change is handled on this loop, one
/// at a time, so a reload and an address change never interleave. The kill switch's self-healing runs beside it
/// (<see cref="KillswitchGuardService"/>), serialized with it through <see cref="KillswitchEnforcer"/>'s lock.
/// </summary>
public sealed partial class AgentService : BackgroundService
{
    private readonly DaemonOptions options;
    private readonly KillswitchEnforcer enforcer;
    private readonly ExporterSupervisor exporters;
    private readonly OrderingSupervisor ordering;
    private readonly ISystemdNotifier notifier;
    private readonly DaemonStatusBoard board;
    private readonly ILogger logger;
    private readonly TimeProvider clock;
    private readonly Channel<DaemonEvent> events = Channel.CreateUnbounded<DaemonEvent>(new UnboundedChannelOptions { SingleReader = true });

    private AgentConfig? config;
    private IReadOnlyList<IpNetwork>? boundAddresses;
    private bool bindFailed;
    private int waitGeneration;
    private TunnelSession? session;

    /// <summary>Creates the service.</summary>
    /// <param name="options">Paths and intervals.</param>
    /// <param name="enforcer">The kill switch.</param>
    /// <param name="exporters">Binds and checks the exporters.</param>
    /// <param name="ordering">Writes the <c>[ordering] after_tunnel</c> drop-ins.</param>
    /// <param name="notifier">sd_notify.</param>
    /// <param name="board">Where the state is published.</param>
    /// <param name="logger">The journal.</param>
    /// <param name="clock">Time, for tests.</param>
    public AgentService(DaemonOptions options, KillswitchEnforcer enforcer, ExporterSupervisor exporters, OrderingSupervisor ordering,
        ISystemdNotifier notifier, DaemonStatusBoard board, ILogger<AgentService> logger, TimeProvider? clock = null)
    {
        this.options = options;
        this.enforcer = enforcer;
        this.exporters = exporters;
        this.ordering = ordering;
        this.notifier = notifier;
        this.board = board;
        this.logger = logger;
        this.clock = clock ?? TimeProvider.System;
    }

    private readonly TaskCompletionSource killswitchSettled = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the kill switch was applied at start (whatever the outcome) and the config is known.</summary>
    public Task KillswitchSettled => killswitchSettled.Task;

    /// <summary>Why the daemon stopped on its own (netlink failed for good); null while it runs or after a requested stop.</summary>
    public Exception? Failure { get; private set; }

    /// <summary>Asks for a reload (what SIGHUP does); handled on the loop after the current event.</summary>
    public void RequestReload() => events.Writer.TryWrite(new DaemonEvent(DaemonEventKind.ReloadRequested));

    /// <summary>Asks for a reload and waits until it was handled (<c>POST /v1/reload</c>).</summary>
    /// <param name="cancellationToken">Stops waiting (the reload still happens).</param>
    /// <returns>When the reload is done.</returns>
    public Task ReloadAndWaitAsync(CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!events.Writer.TryWrite(new DaemonEvent(DaemonEventKind.ReloadRequested, Done: done)))
        {
            return Task.FromException(new InvalidOperationException("the daemon is stopping"));
        }

        return done.Task.WaitAsync(cancellationToken);
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The host starts services one after the other: return at once so the watchdog and the guard start too.
        await Task.Yield();
        try
        {
            await StartWorkAsync(stoppingToken).ConfigureAwait(false);
            using var recheck = new PeriodicTimer(options.RecheckInterval, clock);
            var recheckTask = PostRechecksAsync(recheck, stoppingToken);
            await foreach (var item in events.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                await HandleAsync(item, stoppingToken).ConfigureAwait(false);
            }

            await recheckTask.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the table stays in the kernel, exactly as it is (fail closed).
        }
        catch (Exception e)
        {
            Failure = e;
            throw;
        }
        finally
        {
            if (session is not null)
            {
                await session.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private async Task StartWorkAsync(CancellationToken cancellationToken)
    {
        var outcome = await enforcer.StartAsync(cancellationToken).ConfigureAwait(false);
        config = outcome.State.Config;
        var now = clock.GetUtcNow();
        board.Update(s => s with
        {
            Killswitch = outcome.State,
            ConfigLoadedAt = config is null ? null : now,
            ConfigErrors = outcome.Errors,
        });
        killswitchSettled.TrySetResult();
        if (config is not null)
        {
            var problems = await ordering.BindAsync(config, cancellationToken).ConfigureAwait(false);
            board.Update(s => s with { OrderingProblems = problems });
        }

        var tunnel = config?.WireGuard ?? AgentConfig.Default.WireGuard;
        await StartSessionAsync(tunnel.Interface, cancellationToken).ConfigureAwait(false);
        if (config is not null)
        {
            // systemd's start timeout must not fire while we rightly wait for the tunnel.
            notifier.Notify(ServiceState.ExtendTimeout(tunnel.WaitTimeout + options.StartTimeoutMargin));
            ScheduleWaitTimeout(tunnel.WaitTimeout, cancellationToken);
            await BindExportersAsync(force: true, cancellationToken).ConfigureAwait(false);
        }

        Publish(null);
    }

    private async Task HandleAsync(DaemonEvent item, CancellationToken cancellationToken)
    {
        switch (item.Kind)
        {
            case DaemonEventKind.TunnelChanged when item.Tunnel is { } update:
                if (session is null || !update.State.Interface.Equals(session.Watcher.Interface))
                {
                    return; // From a watcher a reload has replaced.
                }

                if (update.State.Equals(board.Current.Tunnel))
                {
                    return; // Already known: the first dump, read while starting (and logged then).
                }

                board.Update(s => s with { Tunnel = update.State, WaitedOut = update.State.IsUp ? null : s.WaitedOut });
                LogTunnel(update);
                await BindExportersAsync(force: false, cancellationToken).ConfigureAwait(false);
                Publish(update);
                break;
            case DaemonEventKind.WaitTimedOut when item.Generation == waitGeneration:
                if (!board.Current.Tunnel.IsUp && config is not null)
                {
                    var waited = config.WireGuard.WaitTimeout;
                    board.Update(s => s with { WaitedOut = waited });
                    logger.LogWarning("{Interface} is not up after {Seconds} s; reporting ready (degraded) and watching on", config.WireGuard.Interface,
                        (long)waited.TotalSeconds);
                }

                Publish(null);
                break;
            case DaemonEventKind.ReloadRequested:
                try
                {
                    await ReloadAsync(cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    item.Done?.TrySetResult();
                }

                break;
            case DaemonEventKind.RecheckDue:
                await RecheckAsync(cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    private async Task ReloadAsync(CancellationToken cancellationToken)
    {
        var wasReady = board.Current.Ready;
        if (wasReady)
        {
            notifier.Notify(ServiceState.Reloading());
        }

        logger.LogInformation("reload: re-reading {Path}", options.ConfigPath);
        var outcome = await enforcer.ReloadAsync(cancellationToken).ConfigureAwait(false);
        if (outcome.Applied && outcome.State.Config is { } next)
        {
            var previous = config;
            config = next;
            var now = clock.GetUtcNow();
            board.Update(s => s with { Killswitch = outcome.State, ConfigLoadedAt = now, ConfigErrors = [] });
            var problems = await ordering.BindAsync(next, cancellationToken).ConfigureAwait(false);
            board.Update(s => s with { OrderingProblems = problems });
            // InterfaceName is a class: compare values, not references (every reload would restart the watch).
            if (previous is null || !previous.WireGuard.Interface.Equals(next.WireGuard.Interface))
            {
                await StartSessionAsync(next.WireGuard.Interface, cancellationToken).ConfigureAwait(false);
            }

            if (previous is null && !board.Current.Ready)
            {
                ScheduleWaitTimeout(next.WireGuard.WaitTimeout, cancellationToken);
            }

            await BindExportersAsync(force: true, cancellationToken).ConfigureAwait(false);
            logger.LogInformation("reload: {Path} applied", options.ConfigPath);
        }
        else
        {
            board.Update(s => s with { Killswitch = outcome.State, ConfigErrors = outcome.Errors });
        }

        Publish(null);
        if (wasReady)
        {
            // READY=1 ends the reload for systemd (Type=notify + ExecReload; systemd 252 has no notify-reload).
            notifier.Notify(ServiceState.Ready);
        }
    }

    private async Task RecheckAsync(CancellationToken cancellationToken)
    {
        if (config is null)
        {
            return;
        }

        if (bindFailed)
        {
            await BindExportersAsync(force: true, cancellationToken).ConfigureAwait(false);
        }
        else if (boundAddresses is { } addresses)
        {
            var previous = board.Current.Exporters;
            var report = exporters.Check(config, addresses, previous?.Problems ?? []);
            board.Update(s => s with { Exporters = report });
            if (previous is not null && previous.IsHealthy != report.IsHealthy)
            {
                logger.LogWarning("exporters: {Summary}", report.Summary);
            }
        }

        Publish(null);
    }

    private async Task BindExportersAsync(bool force, CancellationToken cancellationToken)
    {
        if (config is null)
        {
            return;
        }

        var tunnel = board.Current.Tunnel;
        var addresses = ExporterAddressChoice.Choose(tunnel, board.Current.Killswitch.TunnelAddresses);
        if (!force && !tunnel.IsUp && boundAddresses is not null && !bindFailed)
        {
            // The tunnel went down: keep the binding (FreeBind sockets wait for the address to come back); moving the
            // exporters to the file's addresses now would restart them for nothing, and again when wg0 is back.
            addresses = boundAddresses;
        }

        if (!force && boundAddresses is { } bound && bound.SequenceEqual(addresses) && !bindFailed)
        {
            // Same addresses as bound: only look at what listens (an exporter may have come up meanwhile).
            var current = board.Current.Exporters;
            var check = exporters.Check(config, addresses, current?.Problems ?? []);
            board.Update(s => s with { Exporters = check });
            return;
        }

        var report = await exporters.BindAsync(config, addresses, cancellationToken).ConfigureAwait(false);
        bindFailed = report.Problems.Count > 0;
        boundAddresses = addresses;
        board.Update(s => s with { Exporters = report });
    }

    private void Publish(TunnelUpdate? trigger)
    {
        var snapshot = board.Current;
        var line = DaemonStatusText.Compose(snapshot.ToView());
        if (line != snapshot.StatusLine)
        {
            notifier.Notify(ServiceState.Status(line));
            board.Update(s => s with { StatusLine = line });
        }

        if (snapshot.Ready || !IsReady(snapshot))
        {
            return;
        }

        board.Update(s => s with { Ready = true });
        notifier.Notify(ServiceState.Ready);
        if (trigger is not null)
        {
            LogReady(line, Stopwatch.GetElapsedTime(trigger.ReceivedAt).TotalMilliseconds);
        }
        else
        {
            logger.LogInformation("ready: {Status}", line);
        }
    }

    /// <summary>
    /// READY=1 once the kill switch is verified and the tunnel is up with every exporter bound — or the wait timed out,
    /// or the config is broken (nothing to wait for: the fallback table holds and STATUS= says why).
    /// </summary>
    private bool IsReady(DaemonSnapshot snapshot) =>
        config is null
        || snapshot.WaitedOut is not null
        || (snapshot.Killswitch.IsVerified && snapshot.Tunnel.IsUp && (snapshot.Exporters?.IsHealthy ?? false));

    private async Task StartSessionAsync(InterfaceName name, CancellationToken cancellationToken)
    {
        if (session is not null)
        {
            await session.DisposeAsync().ConfigureAwait(false);
        }

        session = TunnelSession.Start(name, events.Writer, logger, cancellationToken);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.FirstSyncTimeout);
            var first = await session.Watcher.WaitForAsync(s => s.Phase != TunnelPhase.Unknown, timeout.Token).ConfigureAwait(false);
            board.Update(s => s with { Tunnel = first });
            logger.LogInformation("tunnel: {State}", first.ToString());
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("netlink: no first dump of {Interface} within {Seconds} s; going on without it", name, options.FirstSyncTimeout.TotalSeconds);
        }
    }

    private void ScheduleWaitTimeout(TimeSpan wait, CancellationToken cancellationToken)
    {
        var generation = ++waitGeneration;
        _ = PostAfterAsync(wait, new DaemonEvent(DaemonEventKind.WaitTimedOut, Generation: generation), cancellationToken);
    }

    private async Task PostAfterAsync(TimeSpan delay, DaemonEvent item, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, clock, cancellationToken).ConfigureAwait(false);
            events.Writer.TryWrite(item);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private async Task PostRechecksAsync(PeriodicTimer timer, CancellationToken cancellationToken)
    {
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                events.Writer.TryWrite(new DaemonEvent(DaemonEventKind.RecheckDue));
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private void LogTunnel(TunnelUpdate update)
    {
        if (update.Change.PhaseChanged || update.Change.AddressesChanged)
        {
            logger.LogInformation("tunnel: {Change}", update.Change.ToString());
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "ready: {Status} ({ReactionMs:0.0} ms after the tunnel event)")]
    private partial void LogReady(string status, double reactionMs);
}
