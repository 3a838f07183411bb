using WgAgent.Lab.Processes;

namespace WgAgent.System.Tests.StatusApi;

/// <summary>What root read from the socket with curl and agentctl while the node was healthy.</summary>
public sealed record ApiReadRecord
{
    /// <summary><c>curl --unix-socket /run/wgagent/agent.sock http://localhost/v1/status</c>.</summary>
    public required CommandResult StatusCurl { get; init; }

    /// <summary>The same for <c>/v1/killswitch</c>.</summary>
    public required CommandResult KillswitchCurl { get; init; }

    /// <summary><c>stat -c '%A %U %G %F'</c> of the socket.</summary>
    public required CommandResult SocketStat { get; init; }

    /// <summary>The same for its directory.</summary>
    public required CommandResult DirectoryStat { get; init; }

    /// <summary><c>agentctl status</c> (human).</summary>
    public required CommandResult Status { get; init; }

    /// <summary><c>agentctl status --json</c>.</summary>
    public required CommandResult StatusJson { get; init; }

    /// <summary><c>agentctl killswitch show</c>.</summary>
    public required CommandResult KillswitchShow { get; init; }

    /// <summary><c>wg show wg0</c>, timed next to <see cref="Status"/> (the benchmark anchor).</summary>
    public required CommandResult WgShow { get; init; }
}
