using WgAgent.Core.Exporters;
using WgAgent.Exporters;

namespace WgAgent.Daemon;

/// <summary>Where the daemon finds its files and how often it looks again; the defaults are the product's paths.</summary>
public sealed record DaemonOptions
{
    /// <summary>The agent config.</summary>
    public required string ConfigPath { get; init; }

    /// <summary>Where last-good.nft is kept ($STATE_DIRECTORY).</summary>
    public required string StateDirectory { get; init; }

    /// <summary>Where the generated units and drop-ins go.</summary>
    public string UnitDirectory { get; init; } = ExporterUnitPaths.Persistent;

    /// <summary>Where the kernel's TCP tables are read.</summary>
    public string ProcNet { get; init; } = ListenerCheck.DefaultProcNet;

    /// <summary>
    /// How often the table is compared with the kernel's even without an nftables event: the safety net for a lost
    /// event. Each check is one netlink list (~1 ms for a small table).
    /// </summary>
    public TimeSpan ReverifyInterval { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How often what listens on the exporters' ports is read again (a bind that failed is retried then).</summary>
    public TimeSpan RecheckInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the first netlink dump may take before the daemon goes on without it.</summary>
    public TimeSpan FirstSyncTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Added to <c>wait_timeout_seconds</c> in EXTEND_TIMEOUT_USEC, so systemd's start timeout never fires first.</summary>
    public TimeSpan StartTimeoutMargin { get; init; } = TimeSpan.FromSeconds(30);
}
