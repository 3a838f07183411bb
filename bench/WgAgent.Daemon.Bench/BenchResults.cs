using WgAgent.Daemon.Bench.Idle;
using WgAgent.Daemon.Bench.Reaction;

namespace WgAgent.Daemon.Bench;

/// <summary>Everything one run measured, written as results.json for bench/daemon_report.py.</summary>
internal sealed record BenchResults
{
    /// <summary>Start of the run (UTC, ISO 8601).</summary>
    public required string StartedAt { get; init; }

    /// <summary>CPU model, cores, memory, kernel, OS of this machine.</summary>
    public required IReadOnlyDictionary<string, string> Machine { get; init; }

    /// <summary>Versions of what ran (wgagent, systemd and node_exporter inside the host, .NET of the runner).</summary>
    public Dictionary<string, string> Versions { get; init; } = [];

    /// <summary>The settings used.</summary>
    public required BenchSettings Settings { get; init; }

    /// <summary>/proc/loadavg at each phase's start and at the end.</summary>
    public Dictionary<string, string> LoadAverage { get; init; } = [];

    /// <summary>Other systemd-nspawn processes on the machine at each phase's start (see Node.OtherHosts).</summary>
    public Dictionary<string, int> OtherBootedHosts { get; init; } = [];

    /// <summary>Lab bring-up and boot, seconds.</summary>
    public Dictionary<string, double> Setup { get; init; } = [];

    /// <summary>The boot after install: wg0 up (observer) → wgagent READY, its exec → READY (ns, monotonic).</summary>
    public Dictionary<string, long?> FirstBoot { get; init; } = [];

    /// <summary>Idle footprint; null when skipped.</summary>
    public IdleResult? Idle { get; set; }

    /// <summary>Every reaction iteration (warm-ups flagged).</summary>
    public List<ReactionSample> Samples { get; init; } = [];

    /// <summary>The rebind's baseline: per round, `systemctl daemon-reload` alone and the daemon's systemctl calls by hand (ms).</summary>
    public IReadOnlyList<double[]> SystemdBaseline { get; set; } = [];

    /// <summary>Iterations run again because the lab's systemd failed to place a process in its cgroup (219/CGROUP).</summary>
    public List<string> EnvironmentRetries { get; set; } = [];

    /// <summary>Netlink overruns of the observer during the run (0 expected).</summary>
    public int ObserverOverruns { get; set; }

    /// <summary>Null when the observer's thread ran SCHED_FIFO, else why not.</summary>
    public string? ObserverRealtimeProblem { get; set; }

    /// <summary>Wall time of the whole run, seconds.</summary>
    public double TotalSeconds { get; set; }
}
