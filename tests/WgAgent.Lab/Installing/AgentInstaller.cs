using WgAgent.Lab.Agent;
using WgAgent.Lab.Nspawn;
using WgAgent.Lab.WireGuard;

namespace WgAgent.Lab.Installing;

/// <summary>
/// Puts wgagent into a booted host before it boots, file by file at the package's paths (until the
/// system tests install the .deb itself), and enables the units a test asks for.
/// </summary>
public static class AgentInstaller
{
    /// <summary>Private key inside: rw------- like wg-quick(8) wants (and wgagent demands).</summary>
    public const UnixFileMode SecretMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>
    /// The units and drop-ins from this checkout's systemd/ folder, at their package paths. Enables nothing: callers
    /// enable what they name (wgagent.service is installed everywhere, enabled and started nowhere by this class).
    /// </summary>
    public static async Task InstallSystemdFilesAsync(BootedHost host)
    {
        var root = RepoRoot.Find();
        foreach (var file in AgentPackage.SystemdFiles)
        {
            await host.CopyInAsync(Path.Combine(root, file.Source), file.WritablePath, file.Mode).ConfigureAwait(false);
        }
    }

    /// <summary>The published wgagent and agentctl (see <see cref="PublishedAgent"/>).</summary>
    public static async Task InstallBinariesAsync(BootedHost host)
    {
        await host.CopyInAsync(PublishedAgent.WgAgent, AgentPackage.WgAgentPath, AgentPackage.ExecutableMode).ConfigureAwait(false);
        await host.CopyInAsync(PublishedAgent.AgentCtl, AgentPackage.AgentCtlPath, AgentPackage.ExecutableMode).ConfigureAwait(false);
    }

    /// <summary>
    /// What the package's postinst does for the daemon, before boot: the status group (wgagent.service has
    /// SupplementaryGroups=wgagent, so without it the unit fails with 216/GROUP) and wgagent.service enabled.
    /// </summary>
    public static async Task InstallDaemonAsync(BootedHost host)
    {
        await AddSystemGroupAsync(host, AgentPackage.StatusGroup).ConfigureAwait(false);
        await host.EnableUnitAsync(AgentPackage.DaemonUnit).ConfigureAwait(false);
    }

    /// <summary>Adds a system group to the not yet booted host's /etc/group and /etc/gshadow (what groupadd --system writes).</summary>
    public static async Task AddSystemGroupAsync(BootedHost host, string name)
    {
        var groups = await host.ReadFileAsync("/etc/group").ConfigureAwait(false);
        var lines = groups.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (lines.Any(line => line.StartsWith(name + ":", StringComparison.Ordinal)))
        {
            return;
        }

        // The highest free id below 1000, as groupadd --system picks.
        var used = lines.Select(line => line.Split(':')).Where(f => f.Length > 2 && int.TryParse(f[2], out _)).Select(f => int.Parse(f[2])).ToHashSet();
        var id = Enumerable.Range(100, 900).Reverse().First(candidate => !used.Contains(candidate));
        await host.WriteFileAsync("/etc/group", groups.TrimEnd('\n') + $"\n{name}:x:{id}:\n").ConfigureAwait(false);
        var shadow = await host.ReadFileAsync("/etc/gshadow").ConfigureAwait(false);
        await host.WriteFileAsync("/etc/gshadow", shadow.TrimEnd('\n') + $"\n{name}:!::\n",
                UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead)
            .ConfigureAwait(false);
    }

    /// <summary>The lab node's wg0.conf, where wg-quick@wg0 and wgagent read it.</summary>
    public static Task InstallTunnelConfigAsync(BootedHost host, TunnelConfig tunnel) =>
        host.WriteFileAsync($"/etc/wireguard/{TunnelConfig.InterfaceName}.conf", tunnel.ToWgQuickConfig(), SecretMode);

    /// <summary>
    /// Everything for a node guarded by wgagent: binaries, units, /etc/wgagent.toml, wg0.conf; enables the
    /// kill switch, wg-quick@wg0 and Debian's nftables.service (whose "flush ruleset" at boot is the case
    /// the kill switch's ordering must survive).
    /// </summary>
    public static async Task InstallGuardedNodeAsync(BootedHost host, TunnelConfig tunnel, string agentConfig)
    {
        await InstallBinariesAsync(host).ConfigureAwait(false);
        await InstallSystemdFilesAsync(host).ConfigureAwait(false);
        await host.WriteFileAsync(AgentPackage.ConfigPath, agentConfig).ConfigureAwait(false);
        await InstallTunnelConfigAsync(host, tunnel).ConfigureAwait(false);
        await host.EnableUnitAsync("nftables.service").ConfigureAwait(false);
        await host.EnableUnitAsync(AgentPackage.KillswitchUnit).ConfigureAwait(false);
        await host.EnableUnitAsync($"wg-quick@{TunnelConfig.InterfaceName}.service").ConfigureAwait(false);
    }
}
