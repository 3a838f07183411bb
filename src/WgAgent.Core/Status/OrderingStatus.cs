namespace WgAgent.Core.Status;

/// <summary>The <c>[ordering] after_tunnel</c> drop-ins (<c>ordering</c>).</summary>
public sealed record OrderingStatus
{
    /// <summary>Why some drop-ins are not in place; empty when all are.</summary>
    public required IReadOnlyList<string> Problems { get; init; }
}
