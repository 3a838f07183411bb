using WgAgent.Lab.Netns;

namespace WgAgent.Tunnel.Tests.Support;

/// <summary>
/// This suite's scratch namespaces (wgn-&lt;hex&gt;): every link and address change happens inside one. Owners are
/// recorded under /run/wgagent-tunneltest, so a crashed run's namespaces are reaped at the next start while a live
/// run's, or other suites', are never touched.
/// </summary>
internal static class Scratch
{
    public const string Prefix = "wgn-";

    public const string OwnerDirectory = "/run/wgagent-tunneltest";

    public static Task<ScratchNamespace> CreateAsync() => ScratchNamespace.CreateAsync(Prefix, OwnerDirectory);
}
