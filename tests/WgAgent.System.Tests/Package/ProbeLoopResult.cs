using System.Globalization;
using WgAgent.Lab.Probes;

namespace WgAgent.System.Tests.Package;

/// <summary>What an <see cref="EgressProbeLoop"/> saw: how many probes it sent, how they ended, and every one that got through.</summary>
/// <param name="Sent">Probes sent.</param>
/// <param name="Duration">How long the loop ran.</param>
/// <param name="Outcomes">How many ended each way.</param>
/// <param name="Through">Each probe that completed its round trip, with its start relative to the loop's.</param>
/// <param name="Broken">Probes that ended in <see cref="ProbeOutcome.Error"/> (a broken probe proves nothing either way).</param>
public sealed record ProbeLoopResult(
    int Sent,
    TimeSpan Duration,
    IReadOnlyDictionary<ProbeOutcome, int> Outcomes,
    IReadOnlyList<(TimeSpan At, ProbeResult Probe)> Through,
    IReadOnlyList<ProbeResult> Broken)
{
    /// <summary>One line for the test output: sent, through, the outcomes, the rate.</summary>
    public string Summary => string.Create(CultureInfo.InvariantCulture,
        $"{Sent} probes in {Duration.TotalMilliseconds:0} ms (one every {(Sent > 0 ? Duration.TotalMilliseconds / Sent : 0):0.0} ms), {Through.Count} through; {string.Join(", ", Outcomes.OrderBy(o => o.Key).Select(o => $"{o.Key} {o.Value}"))}");

    /// <summary>The probes that got through, one per line (the first 20).</summary>
    public string DescribeThrough() => string.Join('\n', Through.Take(20).Select(t => string.Create(CultureInfo.InvariantCulture,
        $"  +{t.At.TotalMilliseconds:0.0} ms  {t.Probe}")));
}
