using System.Globalization;

namespace WgAgent.Status.Http;

/// <summary>
/// Reads the two lines of /proc/PID/status (proc_pid_status(5)) the access check can use when the kernel has no
/// SO_PEERGROUPS: <c>Uid:</c> (real, effective, saved, fs) and <c>Groups:</c> (supplementary gids).
/// </summary>
internal static class ProcStatus
{
    /// <summary>Parses the file's text.</summary>
    /// <param name="text">The contents of /proc/PID/status.</param>
    /// <param name="effectiveUserId">The second field of <c>Uid:</c>.</param>
    /// <param name="groups">The gids of <c>Groups:</c> (may be empty).</param>
    /// <returns>False when either line is missing or malformed.</returns>
    public static bool TryParse(string text, out uint effectiveUserId, out uint[] groups)
    {
        effectiveUserId = 0;
        groups = [];
        var foundUid = false;
        var foundGroups = false;
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            if (line.StartsWith("Uid:"))
            {
                var fields = Fields(line[4..]);
                if (fields.Count < 2 || !uint.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out effectiveUserId))
                {
                    return false;
                }

                foundUid = true;
            }
            else if (line.StartsWith("Groups:"))
            {
                var fields = Fields(line[7..]);
                groups = new uint[fields.Count];
                for (var i = 0; i < fields.Count; i++)
                {
                    if (!uint.TryParse(fields[i], NumberStyles.None, CultureInfo.InvariantCulture, out groups[i]))
                    {
                        groups = [];
                        return false;
                    }
                }

                foundGroups = true;
            }
        }

        return foundUid && foundGroups;
    }

    private static List<string> Fields(ReadOnlySpan<char> rest) =>
        [.. rest.ToString().Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries)];
}
