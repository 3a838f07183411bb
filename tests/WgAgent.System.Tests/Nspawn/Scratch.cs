using WgAgent.Lab.Netns;

namespace WgAgent.System.Tests.Nspawn;

/// <summary>
/// Empty network namespaces (loopback only) for the booted-host fixture's own tests, which need no lab network.
/// Named wgl2-* so neither the level-1 lab's cleaner (wgl-*) nor anything else claims them.
/// </summary>
public static class Scratch
{
    /// <summary>Creates one; dispose it after the host in it stopped (disposing kills what still runs inside).</summary>
    public static ScratchNamespace Create() => ScratchNamespace.Create("wgl2-");
}
