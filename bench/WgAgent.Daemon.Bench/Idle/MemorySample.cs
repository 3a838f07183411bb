namespace WgAgent.Daemon.Bench.Idle;

/// <summary>One process's memory, from /proc/PID/status and /proc/PID/smaps_rollup (kB).</summary>
internal sealed record MemorySample
{
    /// <summary>VmRSS: resident pages, shared ones counted in full.</summary>
    public long RssKb { get; init; }

    /// <summary>VmHWM: the resident peak.</summary>
    public long PeakRssKb { get; init; }

    /// <summary>RssAnon: heap, stacks, GC segments.</summary>
    public long RssAnonKb { get; init; }

    /// <summary>RssFile: mapped files (the executable, libraries).</summary>
    public long RssFileKb { get; init; }

    /// <summary>Pss: resident pages, shared ones divided among their users.</summary>
    public long PssKb { get; init; }

    /// <summary>Pss_Anon.</summary>
    public long PssAnonKb { get; init; }

    /// <summary>Pss_File.</summary>
    public long PssFileKb { get; init; }

    /// <summary>Threads.</summary>
    public int Threads { get; init; }

    /// <summary>Parses the two files' text.</summary>
    public static MemorySample Parse(string status, string smapsRollup)
    {
        var s = Fields(status);
        var r = Fields(smapsRollup);
        return new MemorySample
        {
            RssKb = s.GetValueOrDefault("VmRSS"),
            PeakRssKb = s.GetValueOrDefault("VmHWM"),
            RssAnonKb = s.GetValueOrDefault("RssAnon"),
            RssFileKb = s.GetValueOrDefault("RssFile"),
            PssKb = r.GetValueOrDefault("Pss"),
            PssAnonKb = r.GetValueOrDefault("Pss_Anon"),
            PssFileKb = r.GetValueOrDefault("Pss_File"),
            Threads = (int)s.GetValueOrDefault("Threads"),
        };
    }

    // "Name:   1234 kB" lines; the first number on each line.
    private static Dictionary<string, long> Fields(string text)
    {
        var fields = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n'))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var value = line[(colon + 1)..].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
            if (long.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n))
            {
                fields[line[..colon]] = n;
            }
        }

        return fields;
    }
}
