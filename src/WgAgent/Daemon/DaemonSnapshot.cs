using WgAgent.Core.Diagnostics;
using WgAgent.Core.Tunnel;

namespace WgAgent.Daemon;

/// <summary>
/// Everything the daemon knows at one moment, immutable: what STATUS= is composed from and what the status socket
/// serves. Replaced as a whole on every change, so a reader never sees half an update.
/// </summary>
public sealed record DaemonSnapshot
{
    /// <summary>When the daemon started.</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>True once READY=1 was sent (the tunnel and exporters were seen in place, or the wait timed out).</summary>
    public bool Ready { get; init; }

    /// <summary>The agent config's path.</summary>
    public required string ConfigPath { get; init; }

    /// <summary>When the config in force was read; null when none is (broken since start).</summary>
    public DateTimeOffset? ConfigLoadedAt { get; init; }

    /// <summary>Why the config on disk is not in force (start or last reload); empty when it is.</summary>
    public IReadOnlyList<Diagnostic> ConfigErrors { get; init; } = [];

    /// <summary>The table held in the kernel.</summary>
    public KillswitchState Killswitch { get; init; } = KillswitchState.Initial;

    /// <summary>How often the table had to be put back since start.</summary>
    public long KillswitchRepairs { get; init; }

    /// <summary>The tunnel interface as netlink last showed it.</summary>
    public required TunnelState Tunnel { get; init; }

    /// <summary>Set when the wait for the tunnel timed out (and it is still not up).</summary>
    public TimeSpan? WaitedOut { get; init; }

    /// <summary>The exporters after the last bind or check; null before the first.</summary>
    public ExporterReport? Exporters { get; init; }

    /// <summary>Why the <c>[ordering] after_tunnel</c> drop-ins are not all in place; empty when they are.</summary>
    public IReadOnlyList<string> OrderingProblems { get; init; } = [];

    /// <summary>The STATUS= line last sent.</summary>
    public string StatusLine { get; init; } = "starting";

    /// <summary>The one-line view STATUS= is composed from.</summary>
    public DaemonView ToView() => new(
        Killswitch.Summary,
        Killswitch.IsVerified,
        Tunnel.Interface.Value,
        Tunnel.IsUp ? Tunnel.UsableAddresses.Select(a => a.Address.ToString()).ToList() : [],
        Tunnel.IsUp ? null : WaitedOut,
        Exporters?.Summary,
        Exporters?.IsHealthy ?? false,
        ConfigErrors.Count > 0 ? ConfigPath : null);
}
