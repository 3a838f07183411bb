using System.Globalization;

namespace WgAgent.Daemon.Bench;

/// <summary>How long and how often to measure; from the command line (<c>--name value</c>), each with a default.</summary>
internal sealed record BenchSettings
{
    /// <summary>Measured iterations of the two tunnel-event cases (no-op bind, rebind).</summary>
    public int Iterations { get; init; } = 100;

    /// <summary>Iterations before them that are run the same way but not counted.</summary>
    public int Warmup { get; init; } = 3;

    /// <summary>Measured iterations of the cold start (wg0 already up, `systemctl start wgagent`); 0 skips it.</summary>
    public int ColdIterations { get; init; } = 20;

    /// <summary>How long the daemon and node_exporter have been running before the idle figures are taken.</summary>
    public TimeSpan IdleSettle { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Length of one CPU window (the goal is stated per 60 s).</summary>
    public TimeSpan IdleWindow { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Consecutive CPU windows; 0 skips the idle part.</summary>
    public int IdleWindows { get; init; } = 3;

    /// <summary>Pause between the daemon reporting "waiting for wg0" and starting wg-quick, so it is idle and waiting.</summary>
    public TimeSpan Settle { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The lab's Prometheus scrape interval (node_exporter's load while idle).</summary>
    public TimeSpan ScrapeInterval { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Where results.json and the journal go.</summary>
    public string OutputDirectory { get; init; } = Path.Combine("out", "bench", "daemon", "run");

    /// <summary>Upper bound on the whole run; past it everything is torn down and the run fails.</summary>
    public TimeSpan OverallTimeout { get; init; } = TimeSpan.FromMinutes(40);

    /// <summary>Parses <c>--iterations N --warmup N --cold-iterations N --idle-settle S --idle-window S --idle-windows N
    /// --settle-ms MS --scrape-interval S --out DIR --timeout-minutes M</c>.</summary>
    /// <exception cref="ArgumentException">An unknown option or a bad value.</exception>
    public static BenchSettings Parse(IReadOnlyList<string> args)
    {
        var settings = new BenchSettings();
        for (var i = 0; i < args.Count; i += 2)
        {
            if (i + 1 >= args.Count)
            {
                throw new ArgumentException($"{args[i]}: missing value");
            }

            var value = args[i + 1];
            settings = args[i] switch
            {
                "--iterations" => settings with { Iterations = Count(args[i], value, 1) },
                "--warmup" => settings with { Warmup = Count(args[i], value, 0) },
                "--cold-iterations" => settings with { ColdIterations = Count(args[i], value, 0) },
                "--idle-settle" => settings with { IdleSettle = TimeSpan.FromSeconds(Count(args[i], value, 0)) },
                "--idle-window" => settings with { IdleWindow = TimeSpan.FromSeconds(Count(args[i], value, 1)) },
                "--idle-windows" => settings with { IdleWindows = Count(args[i], value, 0) },
                "--settle-ms" => settings with { Settle = TimeSpan.FromMilliseconds(Count(args[i], value, 0)) },
                "--scrape-interval" => settings with { ScrapeInterval = TimeSpan.FromSeconds(Count(args[i], value, 1)) },
                "--out" => settings with { OutputDirectory = value },
                "--timeout-minutes" => settings with { OverallTimeout = TimeSpan.FromMinutes(Count(args[i], value, 1)) },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }

        return settings;
    }

    private static int Count(string option, string value, int minimum) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= minimum
            ? n
            : throw new ArgumentException($"{option}: '{value}' is not a whole number ≥ {minimum}");
}
