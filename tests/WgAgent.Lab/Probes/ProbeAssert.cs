using Xunit;

namespace WgAgent.Lab.Probes;

/// <summary>What "blocked" means, said once: refused at once, or silently dropped; never a probe that simply broke.</summary>
public static class ProbeAssert
{
    /// <summary>Room for a positive probe on a loaded machine; a reachable target answers in milliseconds.</summary>
    public static readonly TimeSpan Patient = TimeSpan.FromSeconds(3);

    /// <summary>For probes expected to be dropped: a silent drop costs this long, so keep it short.</summary>
    public static readonly TimeSpan Brief = TimeSpan.FromSeconds(1);

    /// <summary>An application must learn of a rejection well before any timeout of its own.</summary>
    public static readonly TimeSpan FastFailure = TimeSpan.FromMilliseconds(800);

    /// <summary>The round trip succeeded.</summary>
    public static void Reachable(ProbeResult result) => Assert.True(result.Reachable, result.ToString());

    /// <summary>Refused by the kernel or an ICMP/RST at once (egress rules reject so programs fail fast), not a timeout.</summary>
    public static void RejectedFast(ProbeResult result)
    {
        Assert.True(result.Outcome is ProbeOutcome.Refused or ProbeOutcome.Denied or ProbeOutcome.Unreachable,
            $"expected a fast rejection: {result}");
        // iputils ping waits out its -W even after sendmsg failed with EPERM, so for a denied ping the clock shows
        // ping's patience, not the kernel's: the EPERM itself is the immediate answer.
        if (result is not { Kind: ProbeKind.Ping, Outcome: ProbeOutcome.Denied })
        {
            Assert.True(result.Elapsed < FastFailure, $"the rejection took too long: {result}");
        }
    }

    /// <summary>No answer at all (a drop), or refused: anything but a completed round trip or a broken probe.</summary>
    public static void Blocked(ProbeResult result) =>
        Assert.True(result.Outcome is not (ProbeOutcome.Reachable or ProbeOutcome.Error), $"expected blocked: {result}");
}
