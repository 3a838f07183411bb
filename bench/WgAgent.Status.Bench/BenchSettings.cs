using System.Globalization;

namespace WgAgent.Status.Bench;

/// <summary>How long and how often to measure; from the command line (<c>--name value</c>), each with a default.</summary>
internal sealed record BenchSettings
{
    /// <summary>hyperfine runs of each command of the main comparison (issue 6 asks for at least 50).</summary>
    public int CliRuns { get; init; } = 100;

    /// <summary>hyperfine warm-up runs before each command.</summary>
    public int CliWarmup { get; init; } = 10;

    /// <summary>hyperfine runs of each command of the experiments (where agentctl's time goes); 0 skips them.</summary>
    public int ExperimentRuns { get; init; } = 40;

    /// <summary>Runs of agentctl under strace for the timeline of one call; 0 skips it.</summary>
    public int StraceRuns { get; init; } = 20;

    /// <summary>A ReadyToRun build of agentctl (the same source without Native AOT) to measure next to the shipped one
    /// (an experiment: what Native AOT buys); null: none.</summary>
    public string? ReadyToRunAgentCtl { get; init; }

    /// <summary>Environment variables for wgagent.service (a drop-in written before the boot; for experiments with the
    /// runtime's settings, e.g. DOTNET_GCgen0size); empty: none.</summary>
    public IReadOnlyList<string> DaemonEnvironment { get; init; } = [];

    /// <summary>Concurrent keep-alive connections of the load generator.</summary>
    public int Connections { get; init; } = 100;

    /// <summary>Load before the measured window, not counted (JIT of the generator and the responder, the daemon's pools).</summary>
    public TimeSpan LoadWarmup { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>The measured window of each load run.</summary>
    public TimeSpan LoadDuration { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The paced runs' total rate (issue 6's throughput goal: p99 is judged at it); 0 skips them.</summary>
    public int PacedRate { get; init; } = 5000;

    /// <summary>Load rounds; each runs the daemon and then the baseline responder, saturating and then paced.</summary>
    public int LoadRounds { get; init; } = 2;

    /// <summary>Request pairs of the uncached probe (one after the cache expired, one right after it); 0 skips it.</summary>
    public int UncachedSamples { get; init; } = 50;

    /// <summary>Pause before each pair; longer than the daemon's stale limit (1 s: src/WgAgent/Status/StatusService.cs), so the
    /// first request of a pair finds no answer it may serve and waits for a fresh read and composition.</summary>
    public TimeSpan UncachedInterval { get; init; } = TimeSpan.FromMilliseconds(1100);

    /// <summary>Where results.json, the hyperfine exports and the journal go.</summary>
    public string OutputDirectory { get; init; } = Path.Combine("out", "bench", "status", "run");

    /// <summary>Upper bound on the whole run; past it everything is torn down and the run fails.</summary>
    public TimeSpan OverallTimeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Parses <c>--cli-runs N --cli-warmup N --experiment-runs N --strace-runs N --r2r-agentctl PATH --daemon-env "K=V …" --connections N
    /// --load-warmup S --duration S --paced-rate N --rounds N --uncached-samples N --uncached-interval-ms MS --out DIR --timeout-minutes M</c>.</summary>
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

            var (option, value) = (args[i], args[i + 1]);
            settings = option switch
            {
                "--cli-runs" => settings with { CliRuns = Count(option, value, 50) },
                "--cli-warmup" => settings with { CliWarmup = Count(option, value, 0) },
                "--experiment-runs" => settings with { ExperimentRuns = Count(option, value, 0) },
                "--strace-runs" => settings with { StraceRuns = Count(option, value, 0) },
                "--r2r-agentctl" => settings with { ReadyToRunAgentCtl = value.Length == 0 ? null : Path.GetFullPath(value) },
                "--daemon-env" => settings with { DaemonEnvironment = value.Split(' ', StringSplitOptions.RemoveEmptyEntries) },
                "--connections" => settings with { Connections = Count(option, value, 1) },
                "--load-warmup" => settings with { LoadWarmup = TimeSpan.FromSeconds(Count(option, value, 0)) },
                "--duration" => settings with { LoadDuration = TimeSpan.FromSeconds(Count(option, value, 1)) },
                "--paced-rate" => settings with { PacedRate = Count(option, value, 0) },
                "--rounds" => settings with { LoadRounds = Count(option, value, 0) },
                "--uncached-samples" => settings with { UncachedSamples = Count(option, value, 0) },
                "--uncached-interval-ms" => settings with { UncachedInterval = TimeSpan.FromMilliseconds(Count(option, value, 1001)) },
                "--out" => settings with { OutputDirectory = value },
                "--timeout-minutes" => settings with { OverallTimeout = TimeSpan.FromMinutes(Count(option, value, 1)) },
                _ => throw new ArgumentException($"unknown option {option}"),
            };
        }

        return settings;
    }

    private static int Count(string option, string value, int minimum) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= minimum
            ? n
            : throw new ArgumentException($"{option}: '{value}' is not a whole number ≥ {minimum}");
}
