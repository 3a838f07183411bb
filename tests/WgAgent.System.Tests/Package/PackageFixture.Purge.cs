using WgAgent.Lab.Installing;
using WgAgent.Lab.Nspawn;
using WgAgent.System.Tests.DaemonLifecycle;
using WgAgent.System.Tests.Exporters;

namespace WgAgent.System.Tests.Package;

/// <content>(5) The purge: everything wgagent and its package put on the host is gone, the exporter is Debian's again.</content>
public sealed partial class PackageFixture
{
    /// <summary>A part of the marker line every generated unit file begins with (GeneratedUnitMarker.Line).</summary>
    private const string MarkerText = "# Written by wgagent; removed by \"wgagent cleanup\"";

    /// <summary>Everything the package, its scripts or the daemon wrote, by path (links included: enablement and masks).</summary>
    private static readonly string[] WrittenPaths =
    [
        AgentPackage.ConfigPath,
        "/var/lib/wgagent",
        AgentPackage.WgAgentPath,
        AgentPackage.AgentCtlPath,
        .. AgentPackage.SystemdFiles.Select(f => f.WritablePath),
        ExporterNames.SocketPath,
        ExporterNames.DropInPath,
        "/etc/systemd/system/" + ExporterNames.Service + ".d",
        "/etc/systemd/system/sysinit.target.wants/" + AgentPackage.KillswitchUnit,
        "/etc/systemd/system/multi-user.target.wants/" + AgentPackage.DaemonUnit,
        "/etc/systemd/system/" + AgentPackage.KillswitchUnit,
        "/etc/systemd/system/" + AgentPackage.DaemonUnit,
        "/run/wgagent",
        "/run/wgagent.dpkg-install",
    ];

    private async Task<PurgeRecord> PurgeAsync(BootedHost booted)
    {
        var apt = await AptGetAsync(booted, "purge", "wgagent");
        var tables = (await booted.ExecAsync(["nft", "list", "tables"])).EnsureSuccess().Stdout.Trim();
        // grep exits 1 when it finds nothing, which is the hoped-for answer.
        var marked = await booted.ExecAsync(["grep", "-rlF", "--", MarkerText, "/etc/systemd", "/run/systemd"]);
        var leftovers = await booted.ExecAsync(["sh", "-c", "for p; do if [ -e \"$p\" ] || [ -L \"$p\" ]; then echo \"$p\"; fi; done", "sh", .. WrittenPaths]);
        var loaded = await booted.ExecAsync(["systemctl", "list-units", "--all", "--plain", "--no-legend", "wgagent*"]);
        var listeners = await Listeners.WaitForAsync(booted, ["*:9100"], ListenTimeout);
        return new PurgeRecord
        {
            Apt = apt,
            Tables = tables,
            MarkedFiles = marked.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries),
            Leftovers = leftovers.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries),
            LoadedUnits = loaded.Stdout.Trim(),
            Exporter = await DaemonProbe.ShowAsync(booted, ExporterNames.Service, "ExecStart", "ActiveState", "NRestarts"),
            Listeners = listeners,
            Group = await booted.ExecAsync(["getent", "group", AgentPackage.StatusGroup]),
            Tunnel = (await ActiveAsync(booted, TunnelUnit))[TunnelUnit],
            Query = await booted.ExecAsync(["dpkg-query", "--show", "wgagent"]),
            EgressAfter = await EgressOnceAsync(),
        };
    }
}
