using WgAgent.Lab.Nspawn;
using WgAgent.Lab.Processes;

namespace WgAgent.System.Tests.Package;

/// <summary><c>apt-get install ./wgagent_HIGHER_amd64.deb</c> over the running install, with the three instruments running.</summary>
public sealed record UpgradeRecord
{
    /// <summary>The apt-get run.</summary>
    public required CommandResult Apt { get; init; }

    /// <summary>What the instruments saw, from before apt started until after it ended.</summary>
    public required InstrumentReadings Seen { get; init; }

    /// <summary><c>dpkg-query -W -f '${Version}' wgagent</c> after.</summary>
    public required string InstalledVersion { get; init; }

    /// <summary>The daemon's MainPID before and after.</summary>
    public required (string Before, string After) DaemonPid { get; init; }

    /// <summary>ActiveState of the kill switch, wg-quick@wg0 and the daemon after.</summary>
    public required IReadOnlyDictionary<string, string> Units { get; init; }

    /// <summary>The journal records from just before apt until after it.</summary>
    public required IReadOnlyList<JournalEntry> Journal { get; init; }

    /// <summary><c>agentctl status --json</c> after (polled, bounded, until it exits 0).</summary>
    public required CommandResult StatusJson { get; init; }

    /// <summary>What listened on :9100 after.</summary>
    public required IReadOnlyList<string> Listeners { get; init; }
}
