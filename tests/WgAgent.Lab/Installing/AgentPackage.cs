namespace WgAgent.Lab.Installing;

/// <summary>The package's files and names, as the system tests install them (mirror of nfpm.yaml).</summary>
public static class AgentPackage
{
    /// <summary>rwxr-xr-x, for the binaries.</summary>
    public const UnixFileMode ExecutableMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    /// <summary>rw-r--r--, for units and drop-ins.</summary>
    public const UnixFileMode UnitMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    /// <summary>The daemon and root verbs.</summary>
    public const string WgAgentPath = "/usr/sbin/wgagent";

    /// <summary>The CLI.</summary>
    public const string AgentCtlPath = "/usr/bin/agentctl";

    /// <summary>wgagent's configuration.</summary>
    public const string ConfigPath = "/etc/wgagent.toml";

    /// <summary>The early kill-switch unit.</summary>
    public const string KillswitchUnit = "wgagent-killswitch.service";

    /// <summary>
    /// The daemon's unit. Installed with the other files but never enabled or started by <see cref="AgentInstaller"/>
    /// (it enables only what a fixture names), so it changes nothing in a host that does not start it itself.
    /// </summary>
    public const string DaemonUnit = "wgagent.service";

    /// <summary>The group that may use the status socket (0660 root:wgagent); the package's postinst creates it.</summary>
    public const string StatusGroup = "wgagent";

    /// <summary>The only nftables table wgagent touches, as nft(8) names it.</summary>
    public const string Table = "inet wgagent";

    /// <summary>The kill-switch unit, the daemon's unit and the drop-ins that tie wg-quick@ and nftables.service to the kill switch.</summary>
    public static IReadOnlyList<PackageFile> SystemdFiles { get; } =
    [
        new("systemd/wgagent-killswitch.service", "/lib/systemd/system/wgagent-killswitch.service", UnitMode),
        new("systemd/wgagent.service", "/lib/systemd/system/wgagent.service", UnitMode),
        new("systemd/wg-quick@.service.d/wgagent.conf", "/lib/systemd/system/wg-quick@.service.d/wgagent.conf", UnitMode),
        new("systemd/nftables.service.d/wgagent.conf", "/lib/systemd/system/nftables.service.d/wgagent.conf", UnitMode),
    ];
}
