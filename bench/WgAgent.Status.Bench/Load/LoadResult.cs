namespace WgAgent.Status.Bench.Load;

/// <summary>Part 2: GET /v1/status under load, the daemon against the static responder, and the uncached cost.</summary>
internal sealed record LoadResult
{
    /// <summary>How the generator reached the daemon's socket.</summary>
    public string? DaemonSocket { get; set; }

    /// <summary>The daemon's answer head, as captured once before the load.</summary>
    public string? AnswerHead { get; set; }

    /// <summary>Its body's length in bytes (the responder serves the same body).</summary>
    public int AnswerBodyBytes { get; set; }

    /// <summary>The daemon's RSS before any load, MiB.</summary>
    public double DaemonIdleRssMiB { get; set; }

    /// <summary>Every load run, in the order run.</summary>
    public List<LoadRun> Runs { get; init; } = [];

    /// <summary>System calls per request of the daemon and of the baseline in an extra paced run each (strace attached).</summary>
    public List<SyscallProfile.Result> Syscalls { get; init; } = [];

    /// <summary>The uncached probe; null when skipped.</summary>
    public UncachedProbe.Result? Uncached { get; set; }

    /// <summary>The daemon's RSS after everything, MiB.</summary>
    public double DaemonAfterRssMiB { get; set; }

    /// <summary>The daemon's peak RSS since it started (VmHWM) after everything, MiB.</summary>
    public double DaemonHwmMiB { get; set; }
}
