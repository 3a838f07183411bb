using System.Globalization;

namespace WgAgent.System.Tests.DaemonLifecycle;

/// <summary>
/// What a <see cref="SamplerScripts"/> loop printed: every change of state with the wall-clock time (µs since the epoch,
/// bash's <c>$EPOCHREALTIME</c>) of the sample that first showed it, how many samples it took and the longest pause
/// between two of them (the loop's resolution on this machine, for the test output).
/// </summary>
/// <param name="States">(µs, sample number, state) for the first sample and each change.</param>
/// <param name="Samples">How many samples were taken.</param>
/// <param name="StartMicros">The first sample's time.</param>
/// <param name="EndMicros">When the loop ended.</param>
/// <param name="LongestGapMicros">The longest time between two consecutive samples.</param>
public sealed record SamplerOutput(
    IReadOnlyList<(long Micros, int Sample, string State)> States, int Samples, long StartMicros, long EndMicros, long LongestGapMicros)
{
    /// <summary>How long the loop sampled.</summary>
    public TimeSpan Duration => TimeSpan.FromMicroseconds(EndMicros - StartMicros);

    /// <summary>One line for the test output: samples, duration, mean and longest interval.</summary>
    public string Summary => string.Create(CultureInfo.InvariantCulture,
        $"{Samples} samples in {Duration.TotalMilliseconds:0} ms (every {(Samples > 0 ? Duration.TotalMilliseconds / Samples : 0):0.0} ms on average, longest gap {LongestGapMicros / 1000.0:0.0} ms)");

    /// <summary>Parses the loop's standard output.</summary>
    /// <exception cref="FormatException">No end line: the loop did not finish normally.</exception>
    public static SamplerOutput Parse(string stdout)
    {
        var states = new List<(long, int, string)>();
        foreach (var line in stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split(' ', 4);
            if (parts[0] == "S" && parts.Length >= 3)
            {
                states.Add((Long(parts[1]), (int)Long(parts[2]), parts.Length == 4 ? parts[3] : string.Empty));
            }
            else if (parts[0] == "E" && parts.Length >= 4)
            {
                var end = Long(parts[1]);
                return new SamplerOutput(states, (int)Long(parts[2]), states.Count > 0 ? states[0].Item1 : end, end, Long(parts[3]));
            }
        }

        throw new FormatException($"the sampler printed no end line:\n{stdout}");
    }

    private static long Long(string text) => long.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
}
