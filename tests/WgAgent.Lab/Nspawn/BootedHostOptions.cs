namespace WgAgent.Lab.Nspawn;

/// <summary>How to boot a <see cref="BootedHost"/>. Immutable; copy with <c>with</c>.</summary>
public sealed record BootedHostOptions
{
    /// <summary>The network namespace the container joins, e.g. /run/netns/NAME (nspawn's --network-namespace-path).</summary>
    public required string NetworkNamespacePath { get; init; }

    /// <summary>Prefix of the unique machine name (a random suffix is appended).</summary>
    public string MachineNamePrefix { get; init; } = "wgl2";

    /// <summary>Bound on the wait from nspawn's start until systemd reports the boot finished.</summary>
    public TimeSpan BootTimeout { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>How long to wait for another process's booted hosts to go (see BootLock); default 20 minutes.</summary>
    public TimeSpan BootLockTimeout { get; init; } = TimeSpan.FromMinutes(20);

    /// <summary>Bound on a clean power-off; after it nspawn and the container are killed.</summary>
    public TimeSpan PowerOffTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Default bound on a command run inside with <see cref="BootedHost.ExecAsync"/>.</summary>
    public TimeSpan ExecTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Whether a "degraded" boot (some unit failed) counts as booted. Off by default: a failed unit
    /// in a fresh lab host is a finding, and the error lists it.
    /// </summary>
    public bool AcceptDegraded { get; init; }

    /// <summary>More systemd-nspawn arguments, e.g. --bind-ro=HOSTPATH:PATH.</summary>
    public IReadOnlyList<string> ExtraNspawnArguments { get; init; } = [];

    /// <summary>Where progress lines go (e.g. ITestOutputHelper.WriteLine); null for none.</summary>
    public Action<string>? Log { get; init; }
}
