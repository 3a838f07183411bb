namespace WgAgent.Status.Bench.Cli;

/// <summary>One command of a hyperfine run (its JSON export; times in seconds there, in milliseconds here).</summary>
/// <param name="Name">The row's name in the report.</param>
/// <param name="Command">The command line as hyperfine ran it (no shell: -N).</param>
/// <param name="MeanMs">Mean wall time.</param>
/// <param name="StddevMs">Standard deviation.</param>
/// <param name="MedianMs">Median.</param>
/// <param name="MinMs">Fastest run.</param>
/// <param name="MaxMs">Slowest run.</param>
/// <param name="UserMs">Mean user CPU time.</param>
/// <param name="SystemMs">Mean system CPU time.</param>
/// <param name="TimesMs">Every measured run, in order.</param>
/// <param name="ExitCodes">Exit codes seen, with how often.</param>
internal sealed record HyperfineResult(
    string Name,
    string Command,
    double MeanMs,
    double StddevMs,
    double MedianMs,
    double MinMs,
    double MaxMs,
    double UserMs,
    double SystemMs,
    IReadOnlyList<double> TimesMs,
    IReadOnlyDictionary<string, int> ExitCodes);
