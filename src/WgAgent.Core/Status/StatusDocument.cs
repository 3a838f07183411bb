namespace WgAgent.Core.Status;

/// <summary>
/// The answer of <c>GET /v1/status</c>: what wgagent found in the kernel and the system when it was asked. The JSON
/// names are the snake_case of the properties (docs/status-api.md); <see cref="StatusJson"/> reads and writes it.
/// Built by <see cref="StatusComposer"/>; immutable.
/// </summary>
public sealed record StatusDocument
{
    /// <summary>The verdict: ok only when everything holds.</summary>
    public required AgentState State { get; init; }

    /// <summary>True once the daemon told systemd READY=1.</summary>
    public required bool Ready { get; init; }

    /// <summary>The agent's version.</summary>
    public required string Version { get; init; }

    /// <summary>When this document was composed (UTC).</summary>
    public required DateTimeOffset GeneratedAt { get; init; }

    /// <summary>When the daemon started; null when unknown.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>The WireGuard interface and its peers.</summary>
    public required TunnelStatus Tunnel { get; init; }

    /// <summary>The table <c>inet wgagent</c> in the kernel.</summary>
    public required KillswitchStatus Killswitch { get; init; }

    /// <summary>The configured exporters, in config order.</summary>
    public required IReadOnlyList<ExporterStatus> Exporters { get; init; }

    /// <summary>The agent's config file.</summary>
    public required ConfigStatus Config { get; init; }

    /// <summary>The <c>[ordering] after_tunnel</c> drop-ins.</summary>
    public required OrderingStatus Ordering { get; init; }

    /// <summary>One entry per thing wrong, each with a hint; empty exactly when <see cref="State"/> is ok.</summary>
    public required IReadOnlyList<StatusProblem> Problems { get; init; }
}
