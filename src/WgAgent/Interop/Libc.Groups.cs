using System.Runtime.InteropServices;

namespace WgAgent.Interop;

internal static partial class Libc
{
    private const int ERange = 34;

    // sysconf(_SC_GETGR_R_SIZE_MAX) is 1024 on glibc, a hint only: a group with many members needs more (ERANGE).
    private const int GroupBufferStart = 1024;
    private const int GroupBufferLimit = 1 << 20;

    /// <summary>
    /// Looks a group up by name through NSS (getgrnam_r(3), the reentrant getgrnam: the daemon is multi-threaded).
    /// </summary>
    /// <param name="name">The group name, e.g. "wgagent".</param>
    /// <param name="groupId">Its gid when found.</param>
    /// <returns>False when no such group exists.</returns>
    /// <exception cref="IOException">The lookup itself failed (NSS error, or an entry larger than 1 MiB).</exception>
    public static unsafe bool TryGetGroupId(string name, out uint groupId)
    {
        for (var size = GroupBufferStart; size <= GroupBufferLimit; size *= 2)
        {
            var buffer = new byte[size];
            int rc;
            GroupEntry entry;
            GroupEntry* result;
            fixed (byte* start = buffer)
            {
                do
                {
                    rc = getgrnam_r(name, &entry, start, (nuint)size, &result);
                }
                while (rc == EIntr);
            }

            if (rc == ERange)
            {
                continue;
            }

            if (rc != 0)
            {
                // getgrnam_r returns the error number instead of setting errno.
                throw new IOException($"looking up group {name}: {Marshal.GetPInvokeErrorMessage(rc)} (errno {rc})");
            }

            groupId = result is null ? 0 : entry.Id;
            return result is not null;
        }

        throw new IOException($"looking up group {name}: its entry is larger than {GroupBufferLimit} bytes");
    }

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial int getgrnam_r(string name, GroupEntry* group, byte* buffer, nuint length, GroupEntry** result);
}
