using System.Globalization;
using WgAgent.Lab.Nspawn;
using WgAgent.Lab.Processes;

namespace WgAgent.Daemon.Bench.Node;

/// <summary>The commands the benchmark runs inside the booted host: systemctl, its properties, the journal after a cursor.</summary>
internal sealed class NodeShell(BootedHost host)
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);

    /// <summary>The host.</summary>
    public BootedHost Host => host;

    /// <summary>Runs a command inside; throws with its output unless it exits 0.</summary>
    public async Task<string> RunAsync(IReadOnlyList<string> argv, CancellationToken cancellationToken)
    {
        var result = await host.ExecAsync(argv, CommandTimeout, cancellationToken);
        return result.EnsureSuccess().Stdout;
    }

    /// <summary>Runs a command inside; its result either way.</summary>
    public Task<CommandResult> TryAsync(IReadOnlyList<string> argv, CancellationToken cancellationToken) =>
        host.ExecAsync(argv, CommandTimeout, cancellationToken);

    /// <summary><c>systemctl show UNIT --property=...</c> as a dictionary.</summary>
    public async Task<IReadOnlyDictionary<string, string>> ShowAsync(string unit, IReadOnlyList<string> properties, CancellationToken cancellationToken)
    {
        var text = await RunAsync(["systemctl", "show", unit, "--property=" + string.Join(',', properties)], cancellationToken);
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('=', 2))
            .Where(kv => kv.Length == 2)
            .ToDictionary(kv => kv[0], kv => kv[1], StringComparer.Ordinal);
    }

    /// <summary>A <c>*TimestampMonotonic</c> property (µs) as nanoseconds; null when systemd says 0 (never).</summary>
    public static long? MonotonicNanoseconds(IReadOnlyDictionary<string, string> show, string property) =>
        show.TryGetValue(property, out var text) && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var micros) && micros > 0
            ? micros * 1000
            : null;

    /// <summary>The cursor of the journal's newest entry (the next <see cref="JournalAfterAsync"/> starts after it).</summary>
    public async Task<string> CursorAsync(CancellationToken cancellationToken)
    {
        var text = await RunAsync(["journalctl", "--boot", "--no-pager", "--lines=1", "--output=json"], cancellationToken);
        var last = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()
            ?? throw new InvalidOperationException("the journal is empty");
        return JournalEntry.Parse(last).Get("__CURSOR") ?? throw new InvalidOperationException("journal entry without __CURSOR");
    }

    /// <summary>Every journal entry after <paramref name="cursor"/>.</summary>
    public async Task<IReadOnlyList<JournalEntry>> JournalAfterAsync(string cursor, CancellationToken cancellationToken)
    {
        var text = await RunAsync(["journalctl", "--boot", "--no-pager", "--output=json", "--after-cursor=" + cursor], cancellationToken);
        return [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(JournalEntry.Parse)];
    }

    /// <summary>
    /// Polls <paramref name="probe"/> every <paramref name="interval"/> until it returns a value, bounded by
    /// <paramref name="timeout"/>.
    /// </summary>
    /// <exception cref="TimeoutException">No value in time; the message has <paramref name="what"/> and the last state.</exception>
    public static async Task<T> PollAsync<T>(string what, Func<Task<(T? Value, string State)>> probe, TimeSpan interval, TimeSpan timeout,
        CancellationToken cancellationToken)
        where T : class
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var (value, state) = await probe();
            if (value is not null)
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{what}: not within {timeout.TotalSeconds} s (last: {state})");
            }

            await Task.Delay(interval, cancellationToken);
        }
    }
}
