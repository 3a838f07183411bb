using System.Globalization;
using WgAgent.Lab.Nspawn;
using WgAgent.Lab.Processes;

namespace WgAgent.System.Tests.DaemonLifecycle;

/// <summary>Small helpers the daemon facts share for finding records and printing figures.</summary>
public static class Evidence
{
    /// <summary><paramref name="entry"/>, or a failure that shows the journal's last records.</summary>
    public static JournalEntry Require(JournalEntry? entry, string what, IReadOnlyList<JournalEntry> journal) =>
        entry ?? throw new Xunit.Sdk.XunitException($"no record of {what} in the journal; its last records:\n{string.Join('\n', journal.TakeLast(40))}");

    /// <summary>Formats with the invariant culture.</summary>
    public static string Invariant(FormattableString text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Microseconds as milliseconds with one decimal.</summary>
    public static string Ms(long micros) => (micros / 1000.0).ToString("0.0", CultureInfo.InvariantCulture) + " ms";

    /// <summary><c>nft monitor</c> events as lines for the test output.</summary>
    public static string Lines(IEnumerable<(TimeSpan At, string Line)> events) =>
        string.Join('\n', events.Select(e => Invariant($"  {e.At.TotalMilliseconds,9:0.0} ms  {e.Line}")));

    /// <summary>The exporter's own "Listening on" addresses among <paramref name="journal"/> (exporter-toolkit logs one per socket it serves).</summary>
    public static IReadOnlyList<string> ExporterListening(IEnumerable<JournalEntry> journal, string exporterUnit) =>
        [.. journal.Where(e => e.SystemdUnit == exporterUnit && e.Message.Contains("msg=\"Listening on\"", StringComparison.Ordinal))
            .Select(e => e.Message[(e.Message.IndexOf("address=", StringComparison.Ordinal) + "address=".Length)..].Trim())];

    /// <summary>The command as run inside the node, without BootedHost's <c>nsenter … env -i VAR=…</c> prefix.</summary>
    public static string Inside(CommandResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var argv = result.Argv.ToList();
        var env = argv.IndexOf("/usr/bin/env");
        return string.Join(' ', env < 0 ? argv : argv.Skip(env + 1).SkipWhile(a => a == "-i" || a.Contains('=', StringComparison.Ordinal)));
    }
}
