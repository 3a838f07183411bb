using CliWrap.Buffered;
using WgAgent.Lab.Netns;

namespace WgAgent.Firewall.Tests.Support;

/// <summary>This suite's way of running a command inside a <see cref="ScratchNamespace"/>: through the product's
/// CliWrap stand-in, with extra environment variables when a test needs them.</summary>
internal static class ScratchNamespaceExtensions
{
    /// <summary>Runs a command inside the namespace; the caller checks the result.</summary>
    public static Task<BufferedCommandResult> ExecBufferedAsync(this ScratchNamespace ns, IReadOnlyList<string> argv,
        string? input = null, IReadOnlyDictionary<string, string?>? environment = null) =>
        Run.CommandAsync(["ip", "netns", "exec", ns.Name, .. argv], input, environment);
}
