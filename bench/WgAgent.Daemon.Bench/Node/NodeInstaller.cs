using WgAgent.Lab.Agent;
using WgAgent.Lab.Nspawn;
using WgAgent.Lab.Processes;
using WgAgent.Lab.WireGuard;

namespace WgAgent.Daemon.Bench.Node;

/// <summary>
/// Puts the published wgagent into the booted host before it boots, at the package's paths — the same files
/// tests/WgAgent.System.Tests' AgentInstaller writes (not referenced: it lives in a test project) — and enables what a
/// host with the package enables: the kill switch, wg-quick@wg0, Debian's nftables.service and wgagent.service.
/// </summary>
internal static class NodeInstaller
{
    /// <summary>The daemon's unit.</summary>
    public const string DaemonUnit = "wgagent.service";

    /// <summary>wg-quick's instance for wg0.</summary>
    public const string TunnelUnit = "wg-quick@" + TunnelConfig.InterfaceName + ".service";

    /// <summary>Debian's node_exporter, the exporter the lab config binds.</summary>
    public const string ExporterUnit = "prometheus-node-exporter.service";

    /// <summary>Where wg-quick and wgagent read the tunnel's config.</summary>
    public const string TunnelConfigPath = "/etc/wireguard/" + TunnelConfig.InterfaceName + ".conf";

    private const UnixFileMode Secret = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode Executable = Secret | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    // Source in this checkout -> destination in the host (Debian 12 has merged /usr: /lib is a symlink to usr/lib, and
    // BootedHost refuses to write through symlinks).
    private static readonly (string Source, string Destination)[] SystemdFiles =
    [
        ("systemd/wgagent-killswitch.service", "/usr/lib/systemd/system/wgagent-killswitch.service"),
        ("systemd/wgagent.service", "/usr/lib/systemd/system/wgagent.service"),
        ("systemd/wg-quick@.service.d/wgagent.conf", "/usr/lib/systemd/system/wg-quick@.service.d/wgagent.conf"),
        ("systemd/nftables.service.d/wgagent.conf", "/usr/lib/systemd/system/nftables.service.d/wgagent.conf"),
    ];

    /// <summary>Binary, units, /etc/wgagent.toml, wg0.conf, the wgagent group; enables the units.</summary>
    public static async Task PrepareAsync(BootedHost host, TunnelConfig tunnel, string agentConfig)
    {
        // PublishedAgent.Directory is <checkout>/out/publish/linux-x64 (the lab's RepoRoot is internal to it).
        var root = Path.GetFullPath(Path.Combine(PublishedAgent.Directory, "..", "..", ".."));
        await host.CopyInAsync(PublishedAgent.WgAgent, "/usr/sbin/wgagent", Executable);
        foreach (var (source, destination) in SystemdFiles)
        {
            await host.CopyInAsync(Path.Combine(root, source), destination, BootedHost.DefaultFileMode);
        }

        await host.WriteFileAsync("/etc/wgagent.toml", agentConfig);
        await WriteTunnelConfigAsync(host, tunnel);

        // wgagent.service has SupplementaryGroups=wgagent (the package's postinst creates the group); without it the
        // unit fails with 216/GROUP. groupadd --root writes the overlay's /etc/group, so it exists from the first boot.
        (await CommandRunner.RunAsync(["groupadd", "--root", host.RootPath, "--system", "wgagent"])).EnsureSuccess();
        foreach (var unit in new[] { "nftables.service", "wgagent-killswitch.service", TunnelUnit, DaemonUnit })
        {
            await host.EnableUnitAsync(unit);
        }
    }

    /// <summary>Writes wg0.conf (rw-------, as wg-quick and wgagent demand).</summary>
    public static Task WriteTunnelConfigAsync(BootedHost host, TunnelConfig tunnel) =>
        host.WriteFileAsync(TunnelConfigPath, tunnel.ToWgQuickConfig(), Secret);
}
