using WgAgent.Lab.Probes;
using WgAgent.Lab.Processes;

namespace WgAgent.System.Tests.Package;

/// <summary><c>apt-get purge wgagent</c> and what it left behind.</summary>
public sealed record PurgeRecord
{
    /// <summary>The apt-get run.</summary>
    public required CommandResult Apt { get; init; }

    /// <summary><c>nft list tables</c> after.</summary>
    public required string Tables { get; init; }

    /// <summary>Files under /etc/systemd and /run/systemd that still carry wgagent's marker line (grep -rl).</summary>
    public required IReadOnlyList<string> MarkedFiles { get; init; }

    /// <summary>Which of the paths the package or the daemon wrote still exist (config, state, units, binaries, socket, drop-in).</summary>
    public required IReadOnlyList<string> Leftovers { get; init; }

    /// <summary>Units named wgagent* systemd still has loaded (<c>systemctl list-units --all</c>).</summary>
    public required string LoadedUnits { get; init; }

    /// <summary>node_exporter's ExecStart= and NRestarts after.</summary>
    public required IReadOnlyDictionary<string, string> Exporter { get; init; }

    /// <summary>What listened on :9100 after (polled, bounded, until stock: <c>*:9100</c>).</summary>
    public required IReadOnlyList<string> Listeners { get; init; }

    /// <summary><c>getent group wgagent</c> after (kept on purge, see postrm).</summary>
    public required CommandResult Group { get; init; }

    /// <summary>wg-quick@wg0's ActiveState after (not wgagent's: purge leaves the tunnel alone).</summary>
    public required string Tunnel { get; init; }

    /// <summary><c>dpkg-query -W wgagent</c> after.</summary>
    public required CommandResult Query { get; init; }

    /// <summary>Node to inet outside the tunnel after the purge: through again, as before the install.</summary>
    public required IReadOnlyList<ProbeResult> EgressAfter { get; init; }
}
