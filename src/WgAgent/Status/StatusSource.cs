using CliWrap;
using CliWrap.Buffered;
using WgAgent.Core;
using WgAgent.Core.Status;
using WgAgent.Core.WireGuard;
using WgAgent.Daemon;
using WgAgent.Exporters;
using WgAgent.Firewall;

namespace WgAgent.Status;

/// <summary>
/// Reads what the status is composed from: the daemon's own state, and — because status must be the truth, not the
/// daemon's hope — the kernel's table, <c>wg show dump</c>, what listens on the exporters' ports and the units' states,
/// read fresh at every call (~20 ms: two processes, a netlink dump). <see cref="StatusService"/> keeps the last read's
/// answers and refreshes them in the background (<see cref="RefreshingCache{T}"/>), so a thousand clients cost the kernel
/// and PID 1 a few reads a second and none of them waits for one.
/// </summary>
public sealed class StatusSource
{
    private static readonly TimeSpan CommandLimit = TimeSpan.FromSeconds(5);

    private readonly DaemonStatusBoard board;
    private readonly KillswitchEnforcer enforcer;
    private readonly ExporterSupervisor exporters;
    private readonly INftables nftables;
    private readonly ISystemctl systemctl;
    private readonly TimeProvider clock;

    /// <summary>Creates the source.</summary>
    public StatusSource(DaemonStatusBoard board, KillswitchEnforcer enforcer, ExporterSupervisor exporters, INftables nftables, ISystemctl systemctl,
        TimeProvider? clock = null)
    {
        this.board = board;
        this.enforcer = enforcer;
        this.exporters = exporters;
        this.nftables = nftables;
        this.systemctl = systemctl;
        this.clock = clock ?? TimeProvider.System;
    }

    /// <summary>
    /// Reads the inputs now, blocking the calling thread (~20 ms): meant for a thread of its own (the status cache's), not
    /// the thread pool that serves requests. `wg show dump` and `systemctl show` start first, from the calling thread, and
    /// run while the table is listed in-process and the listening sockets are checked.
    /// </summary>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The inputs; <see cref="StatusInputs.Now"/> is when the read ended.</returns>
    public StatusInputs Read(CancellationToken cancellationToken)
    {
        var snapshot = board.Current;
        var killswitch = snapshot.Killswitch;
        var config = killswitch.Config;
        var dumpRead = snapshot.Tunnel.IsPresent ? ReadDumpAsync(snapshot.Tunnel.Interface.Value, cancellationToken) : null;
        var unitsRead = ReadUnitStatesAsync(snapshot, cancellationToken);

        string? kernelTable = null;
        string? kernelError = null;
        try
        {
            // libnftables answers synchronously; the task is complete when it returns.
            kernelTable = nftables.ListTableAsync(cancellationToken).GetAwaiter().GetResult();
        }
        catch (NftablesException e)
        {
            kernelError = e.Message;
        }

        var report = snapshot.Exporters;
        var listeners = config is not null && report is not null ? exporters.Check(config, report.Addresses, report.Problems) : report;
        var (dump, dumpError) = dumpRead is null ? (null, null) : dumpRead.GetAwaiter().GetResult();
        var units = unitsRead.GetAwaiter().GetResult();
        return new StatusInputs
        {
            Now = clock.GetUtcNow(),
            Version = ProductVersion.Current,
            StartedAt = snapshot.StartedAt,
            Ready = snapshot.Ready,
            ExpectedTable = killswitch.Table,
            ExpectedKind = killswitch.Outcome switch
            {
                KillswitchOutcome.Verified => KillswitchTableKind.Computed,
                KillswitchOutcome.FallbackLastGood => KillswitchTableKind.LastGood,
                _ => KillswitchTableKind.BlockAll,
            },
            Policy = killswitch.Policy,
            AppliedAt = killswitch.AppliedAt,
            Repairs = enforcer.Repairs,
            KernelTable = kernelTable,
            KernelError = kernelError,
            Tunnel = snapshot.Tunnel,
            WaitedOut = snapshot.WaitedOut,
            Dump = dump,
            DumpError = dumpError,
            Exporters = listeners?.Listeners,
            ExporterErrors = listeners?.Problems ?? [],
            UnitStates = units,
            ConfigPath = snapshot.ConfigPath,
            ConfigLoadedAt = snapshot.ConfigLoadedAt,
            ConfigErrors = snapshot.ConfigErrors,
            OrderingProblems = snapshot.OrderingProblems,
        };
    }

    private static async Task<(WireGuardDump? Dump, string? Error)> ReadDumpAsync(string interfaceName, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(CommandLimit);
        try
        {
            var result = await Cli.Wrap("wg").WithArguments(["show", interfaceName, "dump"]).WithValidation(CommandResultValidation.None)
                .ExecuteBufferedAsync(limit.Token).ConfigureAwait(false);
            if (result.ExitCode != 0)
            {
                return (null, $"`wg show {interfaceName} dump` failed: {result.StandardError.Trim()}");
            }

            return WireGuardDumpParser.TryParse(result.StandardOutput, out var dump, out var error) ? (dump, null) : (null, error);
        }
        catch (Exception e) when (e is InvalidOperationException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return (null, $"cannot run `wg show {interfaceName} dump`: {e.Message}");
        }
    }

    private async Task<IReadOnlyDictionary<string, string>> ReadUnitStatesAsync(DaemonSnapshot snapshot, CancellationToken cancellationToken)
    {
        var names = new List<string> { $"wg-quick@{snapshot.Tunnel.Interface.Value}.service" };
        names.AddRange(snapshot.Killswitch.Config?.Exporters.Select(e => e.Unit.Value) ?? []);
        var states = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            var result = await systemctl.RunAsync(["show", "--property=Id,ActiveState", .. names.Distinct(StringComparer.Ordinal)], cancellationToken)
                .ConfigureAwait(false);
            string? id = null;
            foreach (var line in result.Output.Split('\n'))
            {
                if (line.StartsWith("Id=", StringComparison.Ordinal))
                {
                    id = line[3..].Trim();
                }
                else if (line.StartsWith("ActiveState=", StringComparison.Ordinal) && id is not null)
                {
                    states[id] = line["ActiveState=".Length..].Trim();
                }
            }
        }
        catch (SystemctlException)
        {
            // No systemd (a test, a container without PID 1's bus): the states are simply unknown.
        }

        return states;
    }
}
