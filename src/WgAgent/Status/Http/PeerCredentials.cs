namespace WgAgent.Status.Http;

/// <summary>
/// Who is at the other end of a Unix socket, as the kernel recorded it at connect(2): SO_PEERCRED (pid, effective uid
/// and gid) and the supplementary groups (SO_PEERGROUPS, or /proc/PID/status when the kernel lacks it).
/// </summary>
/// <param name="ProcessId">The connecting process (it may be gone by now).</param>
/// <param name="UserId">Its effective uid.</param>
/// <param name="GroupId">Its effective (primary) gid.</param>
/// <param name="SupplementaryGroups">Its supplementary gids; empty when they could not be read (then only uid and gid
/// count).</param>
public sealed record PeerCredentials(int ProcessId, uint UserId, uint GroupId, IReadOnlyList<uint> SupplementaryGroups)
{
    /// <summary>Whether the caller is in group <paramref name="groupId"/>, as its primary or a supplementary group.</summary>
    /// <param name="groupId">The gid.</param>
    /// <returns>True for a member.</returns>
    public bool IsInGroup(uint groupId) => GroupId == groupId || SupplementaryGroups.Contains(groupId);

    /// <inheritdoc/>
    public override string ToString() => $"pid {ProcessId}, uid {UserId}, gid {GroupId}, groups [{string.Join(' ', SupplementaryGroups)}]";
}
