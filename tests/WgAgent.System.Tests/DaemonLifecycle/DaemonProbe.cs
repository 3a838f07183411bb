using WgAgent.Lab.Nspawn;
using WgAgent.Lab.Installing;

namespace WgAgent.System.Tests.DaemonLifecycle;

/// <summary>Reads wgagent.service's state inside a booted node: systemd's properties, STATUS= and the journal since a point.</summary>
public static class DaemonProbe
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary><c>systemctl show UNIT -p A,B,…</c> as a dictionary.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> ShowAsync(BootedHost host, string unit, params string[] properties)
    {
        var show = (await host.ExecAsync(["systemctl", "show", unit, $"--property={string.Join(',', properties)}"])).EnsureSuccess().Stdout;
        return show.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('=', 2))
            .ToDictionary(kv => kv[0], kv => kv.Length > 1 ? kv[1] : string.Empty, StringComparer.Ordinal);
    }

    /// <summary>The daemon's last STATUS= (<c>systemctl show -p StatusText --value wgagent</c>).</summary>
    public static async Task<string> StatusTextAsync(BootedHost host) =>
        (await host.ExecAsync(["systemctl", "show", "-p", "StatusText", "--value", AgentPackage.DaemonUnit])).EnsureSuccess().Stdout.Trim();

    /// <summary>Polls STATUS= until <paramref name="predicate"/> holds or <paramref name="timeout"/> passes; returns the last one and whether it held.</summary>
    public static async Task<(bool Held, string Status)> WaitForStatusAsync(BootedHost host, Func<string, bool> predicate, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var status = await StatusTextAsync(host);
            if (predicate(status) || DateTime.UtcNow > deadline)
            {
                return (predicate(status), status);
            }

            await Task.Delay(PollInterval);
        }
    }

    /// <summary>The cursor of the newest journal record: later reads start after it.</summary>
    public static async Task<string> CursorAsync(BootedHost host)
    {
        var last = (await host.ExecAsync(["journalctl", "--no-pager", "--lines=1", "--output=json"])).EnsureSuccess().Stdout;
        return JournalEntry.Parse(last.Trim()).Get("__CURSOR") ?? throw new InvalidOperationException($"no __CURSOR in {last}");
    }

    /// <summary>Every journal record after <paramref name="cursor"/>.</summary>
    public static async Task<IReadOnlyList<JournalEntry>> SinceAsync(BootedHost host, string cursor)
    {
        var json = (await host.ExecAsync(["journalctl", "--no-pager", "--output=json", $"--after-cursor={cursor}"])).EnsureSuccess().Stdout;
        return [.. json.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(JournalEntry.Parse)];
    }

    /// <summary>
    /// Polls the journal after <paramref name="cursor"/> until a record satisfies <paramref name="predicate"/> (journald
    /// stores a line a moment after it was written) or <paramref name="timeout"/> passes; returns all records read last.
    /// </summary>
    public static async Task<IReadOnlyList<JournalEntry>> WaitForRecordAsync(
        BootedHost host, string cursor, Func<JournalEntry, bool> predicate, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var entries = await SinceAsync(host, cursor);
            if (entries.Any(predicate) || DateTime.UtcNow > deadline)
            {
                return entries;
            }

            await Task.Delay(PollInterval);
        }
    }

    /// <summary>True for what the daemon itself logged.</summary>
    public static bool IsDaemon(JournalEntry entry) => entry.SystemdUnit == AgentPackage.DaemonUnit;

    /// <summary>The daemon's own lines among <paramref name="entries"/>, with their monotonic time, for the test output.</summary>
    public static string DaemonLines(IEnumerable<JournalEntry> entries) =>
        string.Join('\n', entries.Where(IsDaemon).Select(e => $"  [{e.Get("__MONOTONIC_TIMESTAMP")} µs] {e.Message}"));
}
