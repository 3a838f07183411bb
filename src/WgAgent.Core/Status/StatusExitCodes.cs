namespace WgAgent.Core.Status;

/// <summary>The exit codes of <c>agentctl status</c> (shared/PRODUCT.md), so scripts can test health without JSON.</summary>
public static class StatusExitCodes
{
    /// <summary>The agent answered and the state is ok.</summary>
    public const int Ok = 0;

    /// <summary>The agent answered and something is wrong but protected: degraded, or still starting.</summary>
    public const int Degraded = 1;

    /// <summary>The agent cannot be reached, or it reports error (the kill switch is not what it verified).</summary>
    public const int UnreachableOrError = 2;

    /// <summary>The exit code for a state the agent reported.</summary>
    /// <param name="state">The document's state.</param>
    /// <returns>0, 1 or 2.</returns>
    public static int For(AgentState state) => state switch
    {
        AgentState.Ok => Ok,
        AgentState.Starting or AgentState.Degraded => Degraded,
        _ => UnreachableOrError,
    };
}
