using System.Runtime.InteropServices;

namespace WgAgent.Interop;

internal static partial class Libc
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 0x1;
    private const uint StatxMode = 0x2;
    private const uint StatxUid = 0x8;
    private const uint StatxGid = 0x10;
    private const uint StatxIno = 0x100;
    private const int ENoEnt = 2;

    /// <summary>
    /// What is at <paramref name="path"/>, without following a final symlink (statx(2) with AT_SYMLINK_NOFOLLOW):
    /// .NET's FileSystemInfo does not tell a socket from a regular file.
    /// </summary>
    /// <param name="path">The path.</param>
    /// <param name="status">The result when the path exists.</param>
    /// <returns>False when nothing is there (ENOENT).</returns>
    /// <exception cref="IOException">statx failed for another reason.</exception>
    public static bool TryStat(string path, out Statx status)
    {
        int rc;
        do
        {
            rc = statx(AtFdCwd, path, AtSymlinkNoFollow, StatxType | StatxMode | StatxUid | StatxGid | StatxIno, out status);
        }
        while (rc != 0 && Marshal.GetLastPInvokeError() == EIntr);

        if (rc == 0)
        {
            return true;
        }

        if (Marshal.GetLastPInvokeError() == ENoEnt)
        {
            return false;
        }

        throw Error($"examining {path}");
    }

    /// <summary>
    /// Changes only the group of <paramref name="path"/> (lchown(2) with owner -1). Root needs no CAP_CHOWN for a group
    /// it is a member of, and lchown never follows a symlink put in the socket's place.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="groupId">The new group.</param>
    /// <exception cref="IOException">lchown failed.</exception>
    public static void ChangeGroup(string path, uint groupId)
    {
        int rc;
        do
        {
            rc = lchown(path, uint.MaxValue, groupId);
        }
        while (rc != 0 && Marshal.GetLastPInvokeError() == EIntr);

        if (rc != 0)
        {
            throw Error($"changing the group of {path} to {groupId}");
        }
    }

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int statx(int directoryFd, string path, int flags, uint mask, out Statx buffer);

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int lchown(string path, uint owner, uint group);
}
