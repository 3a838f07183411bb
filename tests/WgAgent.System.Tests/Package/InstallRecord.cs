using WgAgent.Lab.Probes;
using WgAgent.Lab.Processes;

namespace WgAgent.System.Tests.Package;

/// <summary>
/// The first install on the freshly booted Debian: <c>apt-get install ./wgagent_VERSION_amd64.deb</c> and what it left
/// running, then the lab's config and <c>systemctl enable --now wgagent</c>.
/// </summary>
public sealed record InstallRecord
{
    /// <summary>Node to inet outside the tunnel before anything was installed: the probe's control (no table, so it gets through).</summary>
    public required IReadOnlyList<ProbeResult> EgressBefore { get; init; }

    /// <summary><c>nft list tables</c> before the install.</summary>
    public required string TablesBefore { get; init; }

    /// <summary>The apt-get run.</summary>
    public required CommandResult Apt { get; init; }

    /// <summary><c>systemctl is-active</c> of the kill switch, the daemon and wg-quick@wg0 right after apt.</summary>
    public required IReadOnlyDictionary<string, string> ActiveAfterApt { get; init; }

    /// <summary><c>systemctl is-enabled</c> of the kill switch and the daemon right after apt.</summary>
    public required IReadOnlyDictionary<string, string> EnabledAfterApt { get; init; }

    /// <summary><c>nft list table inet wgagent</c> right after apt.</summary>
    public required CommandResult TableAfterApt { get; init; }

    /// <summary><c>getent group wgagent</c> right after apt.</summary>
    public required CommandResult Group { get; init; }

    /// <summary>What listened on :9100 right after apt (the stock exporter: the package moves nothing by itself).</summary>
    public required IReadOnlyList<string> ListenersAfterApt { get; init; }

    /// <summary><c>systemctl enable --now wgagent.service</c> once /etc/wgagent.toml and wg0.conf were written.</summary>
    public required CommandResult EnableNow { get; init; }

    /// <summary><c>systemctl is-active</c> of the daemon and wg-quick@wg0 after it.</summary>
    public required IReadOnlyDictionary<string, string> ActiveAfterEnable { get; init; }

    /// <summary>What listened on :9100 after it.</summary>
    public required IReadOnlyList<string> ListenersAfterEnable { get; init; }

    /// <summary>The daemon's journal when something above was not as expected (empty otherwise).</summary>
    public required string Journal { get; init; }
}
