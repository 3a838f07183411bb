using WgAgent.Lab.Netns;

namespace WgAgent.Firewall.Tests.Support;

/// <summary>
/// This suite's scratch namespaces (wgk-fwt-&lt;hex&gt;), the only place these tests apply nftables: through
/// <c>ip netns exec</c> or a LibNftables bound to <see cref="ScratchNamespace.Path"/>. Owners are recorded under
/// /run/wgagent-fwtest; namespaces this suite did not record are never touched.
/// </summary>
internal static class Scratch
{
    public const string Prefix = "wgk-fwt-";

    public const string OwnerDirectory = "/run/wgagent-fwtest";

    public static Task<ScratchNamespace> CreateAsync() => ScratchNamespace.CreateAsync(Prefix, OwnerDirectory, randomBytes: 3);
}
