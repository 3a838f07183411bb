namespace WgAgent.Status.Http;

/// <summary>
/// Who may do what (issue 6): a pure function of the method, the path and the caller. On the Unix socket root may do
/// everything, a member of the socket's group (primary or supplementary) may read, and only root may change anything.
/// On an IP endpoint (metrics on the WireGuard address, reachable only from the scrapers) nothing may be changed.
/// </summary>
/// <remarks>
/// The socket's mode 0660 root:GROUP already keeps others from connecting; this check is the second line, and the one
/// that tells a group member why a POST was refused. Reads are GET and HEAD (RFC 9110 §9.2.1 safe methods that the
/// API serves); every other method changes something.
/// </remarks>
public static class AccessPolicy
{
    /// <summary>Decides a request that came over the Unix socket.</summary>
    /// <param name="method">The request method.</param>
    /// <param name="path">The request path (used in messages).</param>
    /// <param name="peer">The caller, or null when its credentials could not be read (then nothing is allowed).</param>
    /// <param name="groupId">The socket's group.</param>
    /// <param name="groupName">Its name, for the messages.</param>
    /// <returns>The decision.</returns>
    public static AccessDecision ForUnixSocket(string method, string path, PeerCredentials? peer, uint groupId, string groupName)
    {
        if (peer is null)
        {
            return AccessDecision.Deny("permission denied: the caller's credentials could not be read (SO_PEERCRED)",
                "connect over the Unix socket itself, not through a proxy");
        }

        if (peer.UserId == 0)
        {
            return AccessDecision.Allow;
        }

        var read = IsRead(method);
        if (!peer.IsInGroup(groupId))
        {
            return AccessDecision.Deny(
                $"permission denied: uid {peer.UserId} is neither root nor in group '{groupName}'",
                read
                    ? $"use sudo, or add the user to the group: sudo usermod -aG {groupName} USER (then log in again)"
                    : RootHint(path));
        }

        return read
            ? AccessDecision.Allow
            : AccessDecision.Deny($"only root may {Action(method, path)}", RootHint(path));
    }

    /// <summary>Decides a request that came over an IP endpoint: reads only.</summary>
    /// <param name="method">The request method.</param>
    /// <param name="path">The request path (used in messages).</param>
    /// <returns>The decision.</returns>
    public static AccessDecision ForNetwork(string method, string path) =>
        IsRead(method)
            ? AccessDecision.Allow
            : AccessDecision.Deny($"{method} {path} is not accepted over the network",
                "changes are accepted only over the local Unix socket, from root (sudo agentctl reload)");

    /// <summary>Whether <paramref name="method"/> only reads.</summary>
    /// <param name="method">The method (case-sensitive, RFC 9110 §9.1).</param>
    /// <returns>True for GET and HEAD.</returns>
    public static bool IsRead(string method) => method is "GET" or "HEAD";

    // "/v1/reload" → "reload": the API's write paths are named after the agentctl verbs that call them.
    private static string? Verb(string path) =>
        path.StartsWith("/v1/", StringComparison.Ordinal) && path.Length > 4 && path.IndexOf('/', 4) < 0 ? path[4..] : null;

    private static string Action(string method, string path) => Verb(path) ?? $"{method} {path}";

    private static string RootHint(string path) =>
        Verb(path) is { } verb ? $"use sudo agentctl {verb}" : "run the client as root (sudo)";
}
