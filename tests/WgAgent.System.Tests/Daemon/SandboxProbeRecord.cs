using WgAgent.Lab.Processes;

namespace WgAgent.System.Tests.Daemon;

/// <summary>What happened when <see cref="ServiceSandboxFixture"/> ran the sandbox probe once, for the tests to check.</summary>
public sealed record SandboxProbeRecord
{
    /// <summary>Whether the rootfs already had the wgagent group before the fixture added it.</summary>
    public required bool GroupExistedBefore { get; init; }

    /// <summary><c>ip link show wg0</c> before the probe: the tunnel is up (wg-quick@wg0 is enabled).</summary>
    public required CommandResult Wg0BeforeProbe { get; init; }

    /// <summary><c>nft list table inet wgagent</c> after the fixture deleted it: gone, so only the probe can bring it back.</summary>
    public required CommandResult TableBeforeProbe { get; init; }

    /// <summary>The generated probe unit.</summary>
    public required string UnitText { get; init; }

    /// <summary><c>systemd-analyze verify</c> of the probe unit and the stand-in's.</summary>
    public required CommandResult Verify { get; init; }

    /// <summary><c>systemctl start</c> of the probe.</summary>
    public required CommandResult Start { get; init; }

    /// <summary>The probe's Result, ActiveState and ExecMainStatus after the start.</summary>
    public required IReadOnlyDictionary<string, string> State { get; init; }

    /// <summary>The probe's journal (its commands' output).</summary>
    public required string Journal { get; init; }

    /// <summary><c>nft list table inet wgagent</c> after the probe.</summary>
    public required CommandResult TableAfterProbe { get; init; }

    /// <summary>The generated exporter socket unit, as read from the host's file system; null if missing.</summary>
    public required string? ExporterSocketUnit { get; init; }

    /// <summary><c>systemctl is-active</c> of the generated socket unit.</summary>
    public required CommandResult ExporterSocketActive { get; init; }

    /// <summary>What listens on the exporter port after the probe (sorted, as ss prints it).</summary>
    public required IReadOnlyList<string> ExporterListeners { get; init; }

    /// <summary><c>stat</c> of the status socket: "owner:group mode type".</summary>
    public required CommandResult StatusSocketStat { get; init; }

    /// <summary><c>stat</c> of the drop-in folder the bind created under the daemon's UMask=.</summary>
    public required CommandResult DropInFolderStat { get; init; }
}
