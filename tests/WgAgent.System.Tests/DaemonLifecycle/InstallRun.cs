using WgAgent.Lab.Nspawn;
using WgAgent.System.Tests.Exporters;
using WgAgent.Lab.Installing;

namespace WgAgent.System.Tests.DaemonLifecycle;

/// <summary>
/// A first boot of the lab's node that installs wgagent the way the package will on a running host, then powers off and
/// hands over what a reboot would keep (<see cref="InstallRunRecord.Files"/>). Why a first boot at all: before wgagent
/// ever ran there are no generated socket units, so Debian's stock node_exporter starts on <c>*:9100</c> — on a
/// real host it was running long before the package came. "Never on another address, not even at boot" is a promise
/// about every boot after the install, and that is the boot the daemon fixtures then make.
/// </summary>
public static class InstallRun
{
    /// <summary>wgagent's state directory (StateDirectory=wgagent) and the ruleset it keeps there.</summary>
    public const string LastGoodPath = "/var/lib/wgagent/last-good.nft";

    private static readonly TimeSpan ListenTimeout = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan EnableTimeout = TimeSpan.FromSeconds(120);
    private const UnixFileMode Secret = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode ShadowMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead;

    /// <summary>Boots, installs, enables the daemon, records, powers off.</summary>
    /// <param name="lab">The lab whose node namespace the host boots in.</param>
    /// <param name="agentConfig">/etc/wgagent.toml.</param>
    /// <param name="tunnelConfig">/etc/wireguard/wg0.conf (a working one: the install sees the tunnel up).</param>
    public static async Task<InstallRunRecord> RunAsync(Lab.Lab lab, string agentConfig, string tunnelConfig)
    {
        ArgumentNullException.ThrowIfNull(lab);
        await using var first = await BootedHost.StartAsync(
            new BootedHostOptions { NetworkNamespacePath = lab.Node.NamespacePath, MachineNamePrefix = $"wgl2-{lab.Id}-install", AcceptDegraded = true },
            async h =>
            {
                await AgentInstaller.InstallGuardedNodeAsync(h, lab.NodeTunnel, agentConfig);
                await h.WriteFileAsync("/etc/wireguard/wg0.conf", tunnelConfig, AgentInstaller.SecretMode);
            });

        var stock = await Listeners.WaitForAsync(first, ["*:9100"], ListenTimeout);
        // The package's postinst adds the group the unit's SupplementaryGroups= names (without it: 216/GROUP).
        if (!(await first.ExecAsync(["getent", "group", AgentPackage.StatusGroup])).Succeeded)
        {
            (await first.ExecAsync(["groupadd", "--system", AgentPackage.StatusGroup])).EnsureSuccess();
        }

        var enable = await first.ExecAsync(["systemctl", "enable", "--now", AgentPackage.DaemonUnit], EnableTimeout);
        var after = await Listeners.WaitForAsync(first, ExporterNames.TunnelEndpoints, ListenTimeout);
        var show = await DaemonProbe.ShowAsync(first, AgentPackage.DaemonUnit, "ActiveState", "SubState");
        var status = await DaemonProbe.StatusTextAsync(first);
        var journal = await first.JournalEntriesAsync(AgentPackage.DaemonUnit);

        var files = new Dictionary<string, (string, UnixFileMode)>(StringComparer.Ordinal);
        foreach (var (path, mode) in new[]
        {
            (ExporterNames.SocketPath, AgentPackage.UnitMode),
            (ExporterNames.DropInPath, AgentPackage.UnitMode),
            (LastGoodPath, Secret),
            ("/etc/group", BootedHost.DefaultFileMode),
            ("/etc/gshadow", ShadowMode),
        })
        {
            if (File.Exists(Path.Combine(first.RootPath, path.TrimStart('/'))))
            {
                files[path] = (await first.ReadFileAsync(path), mode);
            }
        }

        return new InstallRunRecord
        {
            StockListeners = stock,
            EnableNow = enable,
            ListenersAfter = after,
            State = $"{show["ActiveState"]}/{show["SubState"]}",
            StatusText = status,
            DaemonJournal = journal,
            Files = files,
        };
    }

    /// <summary>Writes the carried files into the next boot's host, before it boots.</summary>
    public static async Task CarryOverAsync(InstallRunRecord record, BootedHost next)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(next);
        foreach (var (path, (content, mode)) in record.Files)
        {
            await next.WriteFileAsync(path, content, mode);
        }
    }
}
