using WgAgent.Lab.Netns;

namespace WgAgent.Status.Tests.Support;

/// <summary>
/// This suite's scratch namespaces (wgs-&lt;hex&gt;): every address change happens inside one. Owners are recorded
/// under /run/wgagent-statustest; namespaces this suite did not record are never touched.
/// </summary>
internal static class Scratch
{
    public const string Prefix = "wgs-";

    public const string OwnerDirectory = "/run/wgagent-statustest";

    public static Task<ScratchNamespace> CreateAsync() => ScratchNamespace.CreateAsync(Prefix, OwnerDirectory);
}
