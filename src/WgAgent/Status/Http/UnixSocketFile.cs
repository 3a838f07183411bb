using System.Globalization;
using System.Net.Sockets;
using WgAgent.Interop;

namespace WgAgent.Status.Http;

/// <summary>
/// The listening socket's file: a stale one is removed before the bind, the new one gets its group and mode before
/// listen(2) (until then a connect is refused, so no caller ever sees the umask's mode), and only this very file (same
/// device and inode) is removed at the stop.
/// </summary>
internal sealed class UnixSocketFile
{
    private readonly Statx identity;

    private UnixSocketFile(string path, uint groupId, string groupName, Statx identity)
    {
        Path = path;
        GroupId = groupId;
        GroupName = groupName;
        this.identity = identity;
    }

    /// <summary>The socket's path.</summary>
    public string Path { get; }

    /// <summary>The socket file's group (members may read).</summary>
    public uint GroupId { get; }

    /// <summary>Its name, for messages (the gid in digits when no group was configured).</summary>
    public string GroupName { get; }

    /// <summary>Creates a socket bound to <paramref name="endPoint"/> and sets up its file; does not listen.</summary>
    /// <param name="endPoint">A path endpoint.</param>
    /// <param name="options">Group and mode.</param>
    /// <returns>The bound socket and its file.</returns>
    /// <exception cref="IOException">With a message that names the path and the cause.</exception>
    public static (Socket Socket, UnixSocketFile File) Bind(UnixDomainSocketEndPoint endPoint, HttpServerOptions options)
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("the status socket needs Linux (SO_PEERCRED, statx)");
        }

        var path = endPoint.ToString();
        if (path.Length == 0 || path[0] is '@' or '\0')
        {
            // An abstract socket has no file, hence no mode or group: anyone in the network namespace could connect.
            throw new IOException($"the status socket must be a file path, not the abstract name {path}");
        }

        // Look the group up first, so a missing group fails before anything is created.
        uint? groupId = null;
        if (options.SocketGroup is { } group)
        {
            if (!Libc.TryGetGroupId(group, out var id))
            {
                throw new IOException($"the socket group '{group}' does not exist: create it (the package does: groupadd --system {group}) or change [status] group");
            }

            groupId = id;
        }

        RemoveStale(path, endPoint);
        var socket = new Socket(Libc.BindUnixSocket(path));
        try
        {
            if (groupId is { } gid)
            {
                Libc.ChangeGroup(path, gid);
            }

            File.SetUnixFileMode(path, options.SocketMode);
            if (!Libc.TryStat(path, out var identity))
            {
                throw new IOException($"{path} vanished right after the bind");
            }

            return (socket, new UnixSocketFile(path, identity.Gid, options.SocketGroup ?? identity.Gid.ToString(CultureInfo.InvariantCulture), identity));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Still bound and not listening: the file is the one just created.
            File.Delete(path);
            socket.Dispose();
            throw new IOException($"setting up {path}: {e.Message}", e);
        }
    }

    /// <summary>
    /// Removes the file if it is still the socket this server bound, not a successor's or someone's file. Call it
    /// while the listener is open: the bound socket pins the inode, so its number cannot have been reused.
    /// </summary>
    public void RemoveIfOurs()
    {
        try
        {
            if (Libc.TryStat(Path, out var now) && now.IsSocket && now.IsSameFile(identity))
            {
                File.Delete(Path);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Nothing to do at a stop; a stale socket is removed at the next start anyway.
        }
    }

    // A socket file left by a process that died is in the way of bind(2) (EADDRINUSE). Remove it only if it is a
    // socket and nobody accepts on it: a regular file is someone's data, a live socket another running instance.
    private static void RemoveStale(string path, UnixDomainSocketEndPoint endPoint)
    {
        if (!Libc.TryStat(path, out var existing))
        {
            return;
        }

        if (!existing.IsSocket)
        {
            throw new IOException($"{path} exists and is not a socket; refusing to replace it");
        }

        using (var probe = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified))
        {
            // SO_SNDTIMEO bounds a connect to a live listener whose backlog is full (unix(7)).
            probe.SendTimeout = 1000;
            try
            {
                probe.Connect(endPoint);
                throw new IOException($"{path} is in use: another process accepts connections on it (is wgagent already running?)");
            }
            catch (SocketException e) when (e.SocketErrorCode is SocketError.ConnectionRefused or SocketError.AddressNotAvailable)
            {
                // Refused: a socket file nobody listens on (AddressNotAvailable: it vanished meanwhile).
            }
            catch (SocketException e)
            {
                throw new IOException($"{path} exists and could not be probed: {e.Message}", e);
            }
        }

        File.Delete(path);
    }
}
