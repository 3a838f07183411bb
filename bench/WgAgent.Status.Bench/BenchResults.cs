using WgAgent.Status.Bench.Cli;
using WgAgent.Status.Bench.Load;

namespace WgAgent.Status.Bench;

/// <summary>Everything one run measured, written as results.json for bench/status_report.py.</summary>
internal sealed record BenchResults
{
    /// <summary>Start of the run (UTC, ISO 8601).</summary>
    public required string StartedAt { get; init; }

    /// <summary>CPU model, cores, memory, kernel, OS of this machine.</summary>
    public required IReadOnlyDictionary<string, string> Machine { get; init; }

    /// <summary>Versions of what ran.</summary>
    public Dictionary<string, string> Versions { get; init; } = [];

    /// <summary>The settings used.</summary>
    public required BenchSettings Settings { get; init; }

    /// <summary>/proc/loadavg at each phase's start and at the end.</summary>
    public Dictionary<string, string> LoadAverage { get; init; } = [];

    /// <summary>Other systemd-nspawn processes on the machine at each phase's start (they share cgroups and CPUs).</summary>
    public Dictionary<string, int> OtherBootedHosts { get; init; } = [];

    /// <summary>Lab bring-up and boot, seconds.</summary>
    public Dictionary<string, double> Setup { get; init; } = [];

    /// <summary>`agentctl status --json`'s state when the measuring began, and its problems.</summary>
    public string? StateAtStart { get; set; }

    /// <summary>The problems then (empty when ok).</summary>
    public IReadOnlyList<string> ProblemsAtStart { get; set; } = [];

    /// <summary>The state after the load (the daemon must still be ok).</summary>
    public string? StateAtEnd { get; set; }

    /// <summary>How wg0 is implemented in the node ("kernel" WireGuard or "wireguard-go").</summary>
    public string? WireGuardImplementation { get; set; }

    /// <summary>Part 1; null if it did not run.</summary>
    public CliResult? Cli { get; set; }

    /// <summary>Part 2; null if it did not run.</summary>
    public LoadResult? Load { get; set; }

    /// <summary>Wall time of the whole run, seconds.</summary>
    public double TotalSeconds { get; set; }
}
