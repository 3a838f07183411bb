using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using WgAgent.Firewall;

namespace WgAgent.Daemon;

/// <summary>
/// Keeps table inet wgagent in the kernel: re-verifies it whenever nftables reports a committed change that touched it
/// (NETLINK_NETFILTER, the events <c>nft monitor</c> shows: a flush, a <c>systemctl restart nftables</c>, someone's
/// edit), and on a slow timer as a safety net for a lost event. A repair puts back exactly the table held.
/// </summary>
public sealed partial class KillswitchGuardService : BackgroundService
{
    private readonly DaemonOptions options;
    private readonly KillswitchEnforcer enforcer;
    private readonly DaemonStatusBoard board;
    private readonly ILogger logger;
    private readonly TimeProvider clock;

    /// <summary>Creates the guard.</summary>
    /// <param name="options">The re-verify interval.</param>
    /// <param name="enforcer">The kill switch.</param>
    /// <param name="board">Where repairs are published.</param>
    /// <param name="logger">The journal.</param>
    /// <param name="clock">Time, for tests.</param>
    public KillswitchGuardService(DaemonOptions options, KillswitchEnforcer enforcer, DaemonStatusBoard board, ILogger<KillswitchGuardService> logger,
        TimeProvider? clock = null)
    {
        this.options = options;
        this.enforcer = enforcer;
        this.board = board;
        this.logger = logger;
        this.clock = clock ?? TimeProvider.System;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            await Task.WhenAll(WatchEventsAsync(stoppingToken), ReverifyPeriodicallyAsync(stoppingToken)).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the table stays.
        }
    }

    /// <summary>
    /// Verifies on every report: the subscription itself (nothing between our apply and the subscription is missed), each
    /// committed transaction that touched the table, and lost events. Our own repairs are reported too; the verify after
    /// one is a list that finds the table in place, so there is no loop. When netlink fails for good the periodic check
    /// still holds the line, and the failure is logged.
    /// </summary>
    private async Task WatchEventsAsync(CancellationToken cancellationToken)
    {
        var monitor = new NftablesMonitor();
        try
        {
            await monitor.RunAsync((change, token) => new ValueTask(VerifyAsync(change.ToString(), token)), cancellationToken).ConfigureAwait(false);
        }
        catch (NftablesMonitorException e)
        {
            logger.LogError("kill switch: nftables events are not available ({Problem}); checking every {Seconds} s instead",
                e.Message, options.ReverifyInterval.TotalSeconds);
        }
    }

    private async Task ReverifyPeriodicallyAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(options.ReverifyInterval, clock);
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
        {
            await VerifyAsync("periodic check", cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task VerifyAsync(string reason, CancellationToken cancellationToken)
    {
        if (await enforcer.VerifyAsync(reason, cancellationToken).ConfigureAwait(false))
        {
            var state = enforcer.Current;
            var repairs = enforcer.Repairs;
            board.Update(s => s with { Killswitch = state, KillswitchRepairs = repairs });
        }
    }
}
