using System.Net.Sockets;
using WgAgent.Interop;

namespace WgAgent.Status.Http;

/// <summary>Reads the <see cref="PeerCredentials"/> of a connected Unix socket.</summary>
internal static class PeerIdentity
{
    /// <summary>SO_PEERCRED plus the supplementary groups; null when even SO_PEERCRED fails.</summary>
    /// <param name="socket">An accepted Unix stream socket.</param>
    /// <returns>The credentials, or null.</returns>
    public static PeerCredentials? TryRead(Socket socket)
    {
        (int Pid, uint Uid, uint Gid) cred;
        try
        {
            cred = Libc.GetPeerCredentials(socket);
        }
        catch (SocketException)
        {
            return null;
        }

        var groups = Libc.TryGetPeerGroups(socket) ?? FromProc(cred.Pid, cred.Uid);
        return new PeerCredentials(cred.Pid, cred.Uid, cred.Gid, groups);
    }

    /// <summary>
    /// The fallback for kernels without SO_PEERGROUPS. The process may be gone (then only uid and gid count), or its
    /// pid reused by another process: the groups are trusted only when that process's effective uid is the caller's.
    /// </summary>
    private static uint[] FromProc(int pid, uint uid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/status");
            return ProcStatus.TryParse(text, out var effectiveUid, out var groups) && effectiveUid == uid ? groups : [];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }
}
