using WgAgent.Lab.Agent;
using WgAgent.Lab.Installing;
using WgAgent.Lab.Nspawn;
using WgAgent.System.Tests.Exporters;

namespace WgAgent.System.Tests.Package;

/// <content>(1) The install: the package on a running host, then the operator's config and <c>enable --now</c>.</content>
public sealed partial class PackageFixture
{
    private static readonly TimeSpan EnableTimeout = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan ListenTimeout = TimeSpan.FromSeconds(15);

    private async Task<InstallRecord> InstallAsync(BootedHost booted)
    {
        // The control for every egress probe that follows: with no table at all, node reaches inet.
        var egressBefore = await EgressOnceAsync();
        var tablesBefore = (await booted.ExecAsync(["nft", "list", "tables"])).EnsureSuccess().Stdout.Trim();
        // Debian's exporter, as on a server that ran it long before wgagent came.
        var stock = await Listeners.WaitForAsync(booted, ["*:9100"], ListenTimeout);
        if (!stock.SequenceEqual(["*:9100"]))
        {
            Note($"before the install :9100 was {string.Join(", ", stock)}, not the stock *:9100");
        }

        var deb = await CopyDebAsync(booted, Packages.BasePath);
        var apt = await AptGetAsync(booted, "install", deb);
        var activeAfterApt = await ActiveAsync(booted, AgentPackage.KillswitchUnit, AgentPackage.DaemonUnit, TunnelUnit);
        var enabled = (await booted.ExecAsync(["systemctl", "is-enabled", AgentPackage.KillswitchUnit, AgentPackage.DaemonUnit])).Stdout
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var tableAfterApt = await booted.ExecAsync(["nft", "list", "table", "inet", "wgagent"]);
        var group = await booted.ExecAsync(["getent", "group", AgentPackage.StatusGroup]);
        var listenersAfterApt = await Listeners.OnExporterPortAsync(booted);

        // What the operator does next: the lab's config (egress only through the tunnel, node_exporter for monitor),
        // the tunnel's config, and the daemon started (its Wants= brings wg-quick@wg0 up).
        await booted.WriteFileAsync(AgentPackage.ConfigPath, LabAgentConfig.TunnelEgress());
        await AgentInstaller.InstallTunnelConfigAsync(booted, Lab.NodeTunnel);
        var enableNow = await booted.ExecAsync(["systemctl", "enable", "--now", AgentPackage.DaemonUnit], EnableTimeout);
        var listenersAfterEnable = await Listeners.WaitForAsync(booted, ExporterNames.TunnelEndpoints, ListenTimeout);
        var activeAfterEnable = await ActiveAsync(booted, AgentPackage.DaemonUnit, TunnelUnit);

        var healthy = apt.Succeeded && enableNow.Succeeded && activeAfterEnable.Values.All(s => s == "active");
        return new InstallRecord
        {
            EgressBefore = egressBefore,
            TablesBefore = tablesBefore,
            Apt = apt,
            ActiveAfterApt = activeAfterApt,
            EnabledAfterApt = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [AgentPackage.KillswitchUnit] = enabled.ElementAtOrDefault(0)?.Trim() ?? "(no answer)",
                [AgentPackage.DaemonUnit] = enabled.ElementAtOrDefault(1)?.Trim() ?? "(no answer)",
            },
            TableAfterApt = tableAfterApt,
            Group = group,
            ListenersAfterApt = listenersAfterApt,
            EnableNow = enableNow,
            ActiveAfterEnable = activeAfterEnable,
            ListenersAfterEnable = listenersAfterEnable,
            Journal = healthy ? "" : (await booted.ExecAsync(["journalctl", "--boot", "--no-pager", "--output=short-monotonic",
                "--unit", AgentPackage.KillswitchUnit, "--unit", AgentPackage.DaemonUnit, "--unit", TunnelUnit])).Stdout,
        };
    }
}
