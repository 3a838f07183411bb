using WgAgent.Lab.Installing;
using WgAgent.Lab.Nspawn;
using WgAgent.System.Tests.Exporters;
using WgAgent.System.Tests.Killswitch;

namespace WgAgent.System.Tests.StatusApi;

/// <content><c>agentctl status</c>'s exit code as the exporter and the daemon stop and start.</content>
public sealed partial class StatusApiFixture
{
    // The status is composed per request from the kernel and systemd: the change shows at the next call.
    private static readonly TimeSpan DegradedWait = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan RecoveryWait = TimeSpan.FromSeconds(60);

    private async Task<ExitCodeRecord> ExitCodesAsync(BootedHost booted)
    {
        var healthy = await AgentctlAsync(booted, "status");

        // The drop-in's PartOf= stops the generated socket with the exporter: nothing listens on :9100 then.
        var exporterStop = await SystemctlJob.RunAsync(booted, "stop", ExporterNames.Service, Note);
        var (degraded, degradedAfter) = await PollAsync(() => AgentctlAsync(booted, "status"), r => r.ExitCode != 0, DegradedWait);
        var degradedJson = await AgentctlAsync(booted, "status", "--json");
        var exporterStart = await SystemctlJob.RunAsync(booted, "start", ExporterNames.Service, Note);
        var (recovered, recoveredAfter) = await PollAsync(() => AgentctlAsync(booted, "status"), r => r.ExitCode == 0, RecoveryWait);

        var daemonStop = await SystemctlJob.RunAsync(booted, "stop", AgentPackage.DaemonUnit, Note);
        var unreachable = await AgentctlAsync(booted, "status");
        var tables = await booted.ExecAsync(["nft", "list", "tables"]);
        var daemonStart = await SystemctlJob.RunAsync(booted, "start", AgentPackage.DaemonUnit, Note);
        var (back, backAfter) = await PollAsync(() => AgentctlAsync(booted, "status"), r => r.ExitCode == 0, RecoveryWait);
        return new ExitCodeRecord
        {
            Healthy = healthy,
            ExporterStop = exporterStop,
            Degraded = degraded,
            DegradedJson = degradedJson,
            DegradedAfter = degradedAfter,
            ExporterStart = exporterStart,
            Recovered = recovered,
            RecoveredAfter = recoveredAfter,
            DaemonStop = daemonStop,
            Unreachable = unreachable,
            TablesWhileStopped = tables,
            DaemonStart = daemonStart,
            BackAgain = back,
            BackAfter = backAfter,
        };
    }
}
