using WgAgent.Lab.Agent;
using WgAgent.Lab.Nspawn;
using WgAgent.Lab.Processes;
using WgAgent.System.Tests.Booting;
using WgAgent.Lab.Installing;

namespace WgAgent.System.Tests.Exporters;

/// <summary>
/// Two boots of the lab's node, one after the other, like a host that binds its exporters and then reboots:
/// <list type="number">
/// <item>A first boot with the kill switch but no tunnel (wg-quick@wg0 not enabled, so wg0 never exists) and Debian's
/// stock node_exporter on *:9100: `wgagent exporters bind`, a second bind, the check, then `wgagent cleanup` twice,
/// all recorded in <see cref="Runtime"/>. The files the bind wrote are kept.</item>
/// <item>The second boot (the fixture's <see cref="BootedLabFixture.Host"/>): the guarded node (kill switch, tunnel
/// enabled) with those files in /etc/systemd/system before PID 1 starts, as after a reboot.</item>
/// </list>
/// </summary>
public sealed class ExporterBindingFixture : BootedLabFixture
{
    private static readonly TimeSpan ListenTimeout = TimeSpan.FromSeconds(10);
    private RuntimeBindRecord? runtime;

    /// <summary>What happened on the first boot.</summary>
    public RuntimeBindRecord Runtime => runtime ?? throw new InvalidOperationException("the first boot did not run (see the fixture's setup error)");

    /// <summary>How long the first boot took (nspawn start to "running").</summary>
    public TimeSpan FirstBoot { get; private set; }

    /// <inheritdoc />
    protected override string What => "node with bound exporters";

    /// <summary>Degraded is accepted so that a failed unit shows up in a test's assertion with its journal, not as a setup error.</summary>
    protected override bool AcceptDegraded => true;

    /// <inheritdoc />
    protected override string SetupIncludes => "the first boot with bind and cleanup, rootfs cache check and install included";

    /// <summary>A stale publish is the likeliest failure and says what to do.</summary>
    protected override async Task BeforeLabAsync()
    {
        await PublishedAgent.EnsureKillswitchVerbAsync();
        var help = await CommandRunner.RunAsync([PublishedAgent.WgAgent, "exporters", "bind", "--help"], TimeSpan.FromSeconds(30));
        if (!help.Succeeded || !help.Stdout.Contains("exporters bind", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{PublishedAgent.WgAgent} has no `exporters bind` verb (stale publish?): run `make publish`. Its answer: {help.Describe()}");
        }
    }

    /// <summary>Runs the first boot, then prepares the second with the files the bind wrote.</summary>
    protected override async Task PrepareAsync(BootedHost booted)
    {
        runtime = await RunFirstBootAsync();
        await AgentInstaller.InstallGuardedNodeAsync(booted, Lab.NodeTunnel, LabAgentConfig.TunnelEgress());
        foreach (var (path, content) in runtime.Files)
        {
            await booted.WriteFileAsync(path, content, AgentPackage.UnitMode);
        }
    }

    private async Task<RuntimeBindRecord> RunFirstBootAsync()
    {
        await using var first = await BootedHost.StartAsync(
            new BootedHostOptions { NetworkNamespacePath = Lab.Node.NamespacePath, MachineNamePrefix = $"wgl2-{Lab.Id}-first", AcceptDegraded = true },
            async h =>
            {
                await AgentInstaller.InstallBinariesAsync(h);
                await AgentInstaller.InstallSystemdFilesAsync(h);
                await h.WriteFileAsync(AgentPackage.ConfigPath, LabAgentConfig.TunnelEgress());
                await AgentInstaller.InstallTunnelConfigAsync(h, Lab.NodeTunnel);
                await h.EnableUnitAsync(AgentPackage.KillswitchUnit);
            });
        FirstBoot = first.BootDuration!.Value;

        var stock = await Listeners.WaitForAsync(first, ["*:9100"], ListenTimeout);
        var wg0 = await first.ExecAsync(["ip", "link", "show", "wg0"]);
        var bind = await first.ExecAsync([AgentPackage.WgAgentPath, "exporters", "bind"]);
        var bound = await Listeners.OnExporterPortAsync(first);
        var check = await first.ExecAsync([AgentPackage.WgAgentPath, "exporters", "check"]);
        var secondBind = await first.ExecAsync([AgentPackage.WgAgentPath, "exporters", "bind"]);
        var verify = await first.ExecAsync(["systemd-analyze", "verify", "--man=no", ExporterNames.Socket, ExporterNames.Service]);
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in new[] { ExporterNames.SocketPath, ExporterNames.DropInPath })
        {
            if (File.Exists(Path.Combine(first.RootPath, path.TrimStart('/'))))
            {
                files[path] = await first.ReadFileAsync(path);
            }
        }

        var cleanup = await first.ExecAsync([AgentPackage.WgAgentPath, "cleanup"]);
        var leftovers = await first.ExecAsync(
            ["find", "/etc/systemd/system", "/run/systemd/system", "-name", "wgagent-exporter*", "-o", "-name", ExporterNames.Service + ".d"]);
        var restored = await Listeners.WaitForAsync(first, ["*:9100"], ListenTimeout);
        var execStart = (await first.ExecAsync(["systemctl", "show", ExporterNames.Service, "--property=ExecStart", "--value"])).Stdout.Trim();
        var table = await first.ExecAsync(["nft", "list", "table", "inet", "wgagent"]);
        var secondCleanup = await first.ExecAsync([AgentPackage.WgAgentPath, "cleanup"]);
        return new RuntimeBindRecord
        {
            StockListeners = stock,
            Wg0BeforeBind = wg0,
            Bind = bind,
            BoundListeners = bound,
            Check = check,
            SecondBind = secondBind,
            Verify = verify,
            Files = files,
            Cleanup = cleanup,
            LeftoversAfterCleanup = leftovers,
            RestoredListeners = restored,
            RestoredExecStart = execStart,
            TableAfterCleanup = table,
            SecondCleanup = secondCleanup,
        };
    }
}
