using WgAgent.Lab.Netns;

namespace WgAgent.Lab.Tests.Firewall;

/// <summary>
/// The empty namespaces (wgk-fw-&lt;hex&gt;) these tests load nft rulesets into: every nft command runs through
/// <c>ip netns exec</c>, never in the machine's own namespace, where a kill switch would cut the machine off.
/// </summary>
internal static class Scratch
{
    private const string Prefix = "wgk-fw-";

    // Scratch namespaces live for seconds; one this old was left by a crashed run.
    private static readonly TimeSpan StaleAge = TimeSpan.FromMinutes(30);

    /// <summary>Creates one; throws (so the test fails, never skips) without root, nft or ip.</summary>
    public static Task<ScratchNamespace> CreateAsync()
    {
        if (!Environment.IsPrivilegedProcess)
        {
            throw new LabException("the nft tests need root: run `make test` as root");
        }
        if (LabPreconditions.FindInPath("nft") is null || LabPreconditions.FindInPath("ip") is null)
        {
            throw new LabException("the nft tests need nft and ip: apt-get install nftables iproute2");
        }

        // Every nft call awaits its pipes; under the test host a starved pool would add its thread injection delay
        // (0.5-1 s) to the timings LargePolicyTests reports.
        ThreadPoolHeadroom.Ensure();
        return ScratchNamespace.CreateAsync(Prefix, staleAfter: StaleAge);
    }
}
