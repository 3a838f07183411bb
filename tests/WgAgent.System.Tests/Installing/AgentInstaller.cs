using WgAgent.Lab.Agent;
using WgAgent.Lab.Nspawn;
using WgAgent.Lab.WireGuard;

namespace WgAgent.System.Tests.Installing;

/// <summary>
/// Puts wgagent into a booted host before it boots, file by file at the package's paths (until the
/// system tests install the .deb itself), and enables the units a test asks for.
/// </summary>
public static class AgentInstaller
{
    /// <summary>Private key inside: rw------- like wg-quick(8) wants (and wgagent demands).</summary>
    public const UnixFileMode SecretMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>The units and drop-ins from this checkout's systemd/ folder, at their package paths.</summary>
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
