using System.Globalization;
using WgAgent.System.Tests.DaemonLifecycle;

namespace WgAgent.System.Tests.Package;

/// <summary>
/// What the three instruments saw over one step: the egress probe loop (packets), the <c>nft list table</c> sampler
/// inside the node (what a reader of the ruleset sees), and <c>nft monitor</c> in the node's namespace (every change of
/// the ruleset, with a <c># new generation</c> line after each committed transaction), plus the connections inet's echo
/// service accepted.
/// </summary>
/// <param name="Probes">The probe loop.</param>
/// <param name="Table">The sampler.</param>
/// <param name="Events">The monitor's lines, stamped on arrival.</param>
/// <param name="InetHits">Connections inet accepted meanwhile.</param>
public sealed record InstrumentReadings(
    ProbeLoopResult Probes, TableTrace Table, IReadOnlyList<(TimeSpan At, string Line)> Events, int InetHits)
{
    private const string Generation = "# new generation";
    private const string Deleted = "delete table inet wgagent";
    private const string Added = "add table inet wgagent";

    /// <summary>How many transactions the monitor saw committed.</summary>
    public int Generations => Events.Count(e => e.Line.StartsWith(Generation, StringComparison.Ordinal));

    /// <summary>
    /// Every stretch in which a committed ruleset lacked the table: from the generation that deleted it to the one
    /// that added it back (null: not back by the end). A replace in one transaction (delete and add before the same
    /// generation line, what wgagent does) is no absence at all: no reader ever saw the ruleset between the two.
    /// </summary>
    public IReadOnlyList<(TimeSpan From, TimeSpan? To)> CommittedAbsences
    {
        get
        {
            var result = new List<(TimeSpan, TimeSpan?)>();
            bool? present = null;
            TimeSpan? since = null;
            foreach (var (at, line) in Events)
            {
                if (line == Deleted)
                {
                    present = false;
                }
                else if (line == Added)
                {
                    present = true;
                }
                else if (line.StartsWith(Generation, StringComparison.Ordinal))
                {
                    if (present == false)
                    {
                        since ??= at;
                    }
                    else if (present == true && since is { } from)
                    {
                        result.Add((from, at));
                        since = null;
                    }
                }
            }

            if (since is { } open)
            {
                result.Add((open, null));
            }

            return result;
        }
    }

    /// <summary>
    /// The test output's account of all three (the monitor's table lines and generations only, not every rule). Each
    /// instrument counts its times from its own start: the monitor starts first, the sampler next, the probes last.
    /// </summary>
    public string Describe()
    {
        var tableLines = Events.Where(e => e.Line.StartsWith(Generation, StringComparison.Ordinal) || e.Line.EndsWith("table inet wgagent", StringComparison.Ordinal)).ToList();
        return string.Join('\n',
            $"probes node -> inet outside the tunnel: {Probes.Summary}",
            Probes.DescribeThrough(),
            $"inet's echo service accepted {InetHits} connections",
            $"nft list table sampler: {Table.Raw.Summary}",
            Table.Describe(),
            $"nft monitor: {Events.Count} lines, {Generations} transactions committed; table lines and generations:"
                + string.Concat(tableLines.Take(30).Select(e => string.Create(CultureInfo.InvariantCulture, $"\n  {e.At.TotalMilliseconds,9:0.0} ms  {e.Line}"))));
    }
}
