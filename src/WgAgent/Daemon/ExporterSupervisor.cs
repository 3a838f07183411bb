using Microsoft.Extensions.Logging;
using WgAgent.Core.Config;
using WgAgent.Core.Exporters;
using WgAgent.Core.Net;
using WgAgent.Exporters;

namespace WgAgent.Daemon;

/// <summary>
/// Keeps the exporters on the tunnel's addresses: binds them through <see cref="ExporterBinder"/> (a no-op without any
/// systemctl call when the files already say so) and then reads what the kernel shows listening, because "written" is
/// not "listening".
/// </summary>
public sealed class ExporterSupervisor
{
    private readonly ExporterBinder binder;
    private readonly string procNet;
    private readonly ILogger logger;
    private readonly TimeProvider clock;

    /// <summary>Creates the supervisor.</summary>
    /// <param name="binder">Writes the socket units and drop-ins.</param>
    /// <param name="procNet">Where the kernel's TCP tables are read (<see cref="ListenerCheck.DefaultProcNet"/>).</param>
    /// <param name="logger">Where changes and failures go.</param>
    /// <param name="clock">For <see cref="ExporterReport.CheckedAt"/>.</param>
    public ExporterSupervisor(ExporterBinder binder, string procNet, ILogger logger, TimeProvider? clock = null)
    {
        this.binder = binder;
        this.procNet = procNet;
        this.logger = logger;
        this.clock = clock ?? TimeProvider.System;
    }

    /// <summary>Binds every configured exporter to <paramref name="addresses"/>, then checks what listens.</summary>
    /// <param name="config">The agent config in force.</param>
    /// <param name="addresses">From <see cref="ExporterAddressChoice.Choose"/>.</param>
    /// <param name="cancellationToken">Abandons the systemctl calls.</param>
    /// <returns>The report; never throws for systemd's or the file system's refusals (they become problems).</returns>
    public async Task<ExporterReport> BindAsync(AgentConfig config, IReadOnlyList<IpNetwork> addresses, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        var problems = new List<string>();
        if (addresses.Count == 0 && config.Exporters.Count > 0)
        {
            // Nothing to bind to: keep the last binding (removing the files would put the exporters on every address).
            problems.Add($"no address for the exporters: {config.WireGuard.Interface} is not up and its WireGuard config has no Address line");
            return Check(config, addresses, problems);
        }

        var plan = ExporterBindingPlanner.Plan(config.Exporters, config.WireGuard.Interface, addresses);
        try
        {
            var result = await binder.BindAsync(plan, cancellationToken).ConfigureAwait(false);
            foreach (var change in result.Applied.Changes)
            {
                logger.LogInformation("exporters: {Change}", change.ToString());
            }

            foreach (var unit in result.Applied.Started)
            {
                logger.LogInformation("exporters: restarted {Unit} on {Addresses}", unit, string.Join(", ", addresses.Select(a => a.Address)));
            }

            foreach (var warning in result.Applied.Warnings)
            {
                logger.LogWarning("exporters: {Warning}", warning);
            }

            problems.AddRange(plan.Problems.Concat(result.Conflicts).Select(p => $"{p} ({p.Hint})"));
        }
        catch (Exception e) when (e is SystemctlException or IOException or UnauthorizedAccessException)
        {
            problems.Add($"binding the exporters failed: {e.Message}");
        }

        foreach (var problem in problems)
        {
            logger.LogError("exporters: NOT bound: {Problem}", problem);
        }

        return Check(config, addresses, problems);
    }

    /// <summary>Reads what listens on the exporters' ports now, without changing anything.</summary>
    /// <param name="config">The agent config in force.</param>
    /// <param name="addresses">The addresses they should listen on.</param>
    /// <param name="problems">Problems already known (from the last bind).</param>
    /// <returns>The report.</returns>
    public ExporterReport Check(AgentConfig config, IReadOnlyList<IpNetwork> addresses, IReadOnlyList<string> problems)
    {
        ArgumentNullException.ThrowIfNull(config);
        IReadOnlyList<ExporterListenerStatus> listeners;
        var all = problems.ToList();
        try
        {
            var expected = ExporterBindingPlanner.ListenAddresses(addresses);
            listeners = ListenerCheck.Check(config.Exporters, expected, ListenerCheck.ReadListening(procNet));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            listeners = [];
            all.Add($"cannot read what listens ({procNet}): {e.Message}");
        }

        return new ExporterReport(addresses, listeners, all, clock.GetUtcNow());
    }
}
