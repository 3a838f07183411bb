using System.Globalization;
using WgAgent.Lab.Nspawn;

namespace WgAgent.System.Tests.Killswitch;

/// <summary>Finds the records of a boot's journal that mark unit jobs and wg-quick's steps.</summary>
public static class JournalMarks
{
    /// <summary>systemd's catalogue id of "unit starting" (sd-messages.h SD_MESSAGE_UNIT_STARTING).</summary>
    public const string UnitStartingId = "7d4958e842da4a758f6c1cdc7b36dcc5";

    /// <summary>systemd's catalogue id of "unit started": a start job finished (SD_MESSAGE_UNIT_STARTED).</summary>
    public const string UnitStartedId = "39f53479d3a045ac8e11786248231fbf";

    /// <summary>systemd's catalogue id of "unit failed", also logged for "Dependency failed" (SD_MESSAGE_UNIT_FAILED).</summary>
    public const string UnitFailedId = "be02cf6855d2428ba40df7e9d022f03d";

    /// <summary>systemd's catalogue id of "Startup finished in …" (SD_MESSAGE_STARTUP_FINISHED).</summary>
    public const string StartupFinishedId = "b07a249cd024414a82dd00cd181378ff";

    /// <summary>When the record was logged: CLOCK_MONOTONIC in microseconds (__MONOTONIC_TIMESTAMP), one clock for the whole boot.</summary>
    public static long MonotonicMicros(this JournalEntry entry) =>
        long.Parse(entry.Get("__MONOTONIC_TIMESTAMP") ?? throw new InvalidOperationException($"no __MONOTONIC_TIMESTAMP in {entry}"), NumberStyles.None, CultureInfo.InvariantCulture);

    /// <summary>The first record PID 1 logged about a job of <paramref name="unit"/> with <paramref name="messageId"/>.</summary>
    public static JournalEntry? FirstJobRecord(this IEnumerable<JournalEntry> journal, string unit, string messageId, string? jobResult = null) =>
        journal.FirstOrDefault(e => e.Unit == unit && e.MessageId == messageId
            && e.Get("JOB_TYPE") == "start" && (jobResult is null || e.Get("JOB_RESULT") == jobResult));

    /// <summary>The first line a unit's own processes logged that contains <paramref name="text"/>.</summary>
    public static JournalEntry? FirstOutput(this IEnumerable<JournalEntry> journal, string unit, string text) =>
        journal.FirstOrDefault(e => e.SystemdUnit == unit && e.Message.Contains(text, StringComparison.Ordinal));

    /// <summary>Milliseconds from <paramref name="earlier"/> to <paramref name="later"/>, for the test output.</summary>
    public static double MillisecondsBetween(JournalEntry earlier, JournalEntry later) =>
        (later.MonotonicMicros() - earlier.MonotonicMicros()) / 1000.0;
}
