using WgAgent.Lab.Probes;

namespace WgAgent.Lab.Tests.Killswitch.Support;

/// <summary>
/// What <see cref="NodeKillswitch.BlockedAfterControlAsync(Posture, TimeSpan, string?, Func{TimeSpan, Task{ProbeResult[]}})"/>
/// saw: the probes without the table (the controls), the same probes under it, when those began, and a counter around them.
/// </summary>
/// <param name="Controls">The probes without the table.</param>
/// <param name="Blocked">The same probes under the posture's table.</param>
/// <param name="Since">Just before the blocked probes: later echo hits from the prober are leaks.</param>
/// <param name="Counter">The table's counter read around the blocked probes, or null.</param>
/// <param name="CountedBefore">Its packets before them.</param>
/// <param name="CountedAfter">Its packets after them.</param>
internal sealed record ControlledProbes(
    IReadOnlyList<ProbeResult> Controls, IReadOnlyList<ProbeResult> Blocked, DateTimeOffset Since, string? Counter, long CountedBefore, long CountedAfter)
{
    /// <summary>
    /// Every control went through (so the target listens and routes), every probe under the table failed the way
    /// <paramref name="blocked"/> demands, and the counter, if one was named, counted them.
    /// </summary>
    public void AssertBlocked(Action<ProbeResult> blocked)
    {
        Assert.All(Controls, ProbeAssert.Reachable);
        Assert.All(Blocked, blocked);
        if (Counter is not null)
        {
            Assert.True(CountedAfter > CountedBefore, $"{Counter} did not count {(Blocked.Count == 1 ? "it" : "them")}");
        }
    }
}
