using WgAgent.Lab.Processes;

namespace WgAgent.System.Tests.Package;

/// <summary>
/// The control for the upgrade's instruments: the same probe loop, table sampler and nft monitor while the table is taken away on
/// purpose for about 300 ms (daemon stopped, table deleted, then put back by <c>wgagent killswitch up</c> and the daemon
/// started again). All three must see the gap, or their silence during the upgrade would prove nothing.
/// </summary>
public sealed record GapControlRecord
{
    /// <summary>The script that made the gap.</summary>
    public required CommandResult Gap { get; init; }

    /// <summary>What the instruments saw.</summary>
    public required InstrumentReadings Seen { get; init; }

    /// <summary><c>agentctl status</c>'s exit code after the daemon was started again (0: healthy before the upgrade).</summary>
    public required int StatusAfter { get; init; }
}
