using System.Diagnostics;
using WgAgent.Lab;
using WgAgent.Lab.Installing;
using WgAgent.Lab.Nspawn;
using WgAgent.System.Tests.Daemon;
using WgAgent.System.Tests.DaemonLifecycle;

namespace WgAgent.System.Tests.Package;

/// <content>(2) The reboot: what the installed package does at boot, with nothing written in by the test.</content>
public sealed partial class PackageFixture
{
    private static readonly TimeSpan PrometheusTimeout = TimeSpan.FromSeconds(45);

    private async Task<RebootRecord> RebootAsync(BootedHost booted)
    {
        var since = DateTimeOffset.UtcNow;
        var powerOff = await booted.RebootAsync();
        var journal = await booted.JournalEntriesAsync();
        var units = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var unit in new[] { AgentPackage.KillswitchUnit, TunnelUnit, AgentPackage.DaemonUnit })
        {
            var show = await DaemonProbe.ShowAsync(booted, unit, "ActiveState", "SubState");
            units[unit] = $"{show["ActiveState"]}/{show["SubState"]}";
        }

        var daemon = await DaemonProbe.ShowAsync(booted, AgentPackage.DaemonUnit, "ExecMainStartTimestampMonotonic", "ActiveEnterTimestampMonotonic", "NRestarts");
        var failed = (await booted.ExecAsync(["systemctl", "--failed", "--no-legend", "--plain"])).Stdout.Trim();
        var state = (await booted.ExecAsync(["systemctl", "is-system-running"])).Stdout.Trim();
        var (statusJson, statusWait) = await WaitStatusOkAsync(booted);
        var status = await booted.ExecAsync([AgentPackage.AgentCtlPath, "status"]);

        var clock = Stopwatch.StartNew();
        var prometheusError = await PrometheusWait.ForScrapeUpAfterAsync(Lab.Prometheus, since, PrometheusTimeout);
        var prometheusWait = clock.Elapsed;
        double? up = null;
        try
        {
            var samples = await Lab.Prometheus.QueryAsync("up{job=\"node\"}");
            up = samples.Count == 1 ? samples[0].Value : null;
        }
        catch (Exception e) when (e is LabException or HttpRequestException)
        {
            prometheusError ??= $"querying up{{job=\"node\"}}: {e.Message}";
        }

        return new RebootRecord
        {
            PowerOff = powerOff,
            Boot = booted.BootDuration ?? TimeSpan.Zero,
            Journal = journal,
            Units = units,
            Daemon = daemon,
            FailedUnits = failed,
            SystemState = state,
            StatusJson = statusJson,
            Status = status,
            StatusWait = statusWait,
            PrometheusError = prometheusError,
            PrometheusWait = prometheusWait,
            Up = up,
            Security = await SecurityReport.OfAsync(booted, AgentPackage.DaemonUnit),
        };
    }
}
