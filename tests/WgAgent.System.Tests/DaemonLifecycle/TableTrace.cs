using System.Globalization;

namespace WgAgent.System.Tests.DaemonLifecycle;

/// <summary>
/// What <see cref="SamplerScripts.Table"/> saw: each change of table inet wgagent as <c>nft list</c> showed it
/// (absent, or present with the markers it contained), and every stretch in which it was absent.
/// </summary>
/// <param name="Raw">The loop's output.</param>
public sealed record TableTrace(SamplerOutput Raw)
{
    /// <summary>Samples in which <c>nft list table inet wgagent</c> failed: (from, to) µs, "to" being the next sample that listed it.</summary>
    public IReadOnlyList<(long From, long? To)> Absences
    {
        get
        {
            var result = new List<(long, long?)>();
            long? since = null;
            foreach (var (micros, _, state) in Raw.States)
            {
                if (state == "absent")
                {
                    since ??= micros;
                }
                else if (since is { } from)
                {
                    result.Add((from, micros));
                    since = null;
                }
            }

            if (since is { } open)
            {
                result.Add((open, null));
            }

            return result;
        }
    }

    /// <summary>The time of the first sample whose state satisfies <paramref name="predicate"/>; null if none did.</summary>
    public long? First(Func<string, bool> predicate)
    {
        foreach (var (micros, _, state) in Raw.States)
        {
            if (predicate(state))
            {
                return micros;
            }
        }

        return null;
    }

    /// <summary>The changes as lines: ms since the first sample, the state.</summary>
    public string Describe() => string.Join('\n', Raw.States.Select(s => string.Create(CultureInfo.InvariantCulture,
        $"  {(s.Micros - Raw.StartMicros) / 1000.0,9:0.0} ms  sample {s.Sample,5}  {s.State}")));
}
