namespace WgAgent.Status.Bench.Cli;

/// <summary>Part 1: `agentctl status` against `wg show wg0`, and where agentctl's time goes.</summary>
internal sealed record CliResult
{
    /// <summary>The comparison of issue 6 (one hyperfine invocation): wg show wg0, agentctl status, and the ReadyToRun build if given.</summary>
    public IReadOnlyList<HyperfineResult> Main { get; set; } = [];

    /// <summary>The experiments (one hyperfine invocation): parts of agentctl's work, runtime knobs, the daemon's own reads.</summary>
    public IReadOnlyList<HyperfineResult> Experiments { get; set; } = [];

    /// <summary>What the JIT compiled in one run each of `agentctl --version` and `agentctl status` of the ReadyToRun build
    /// (the shipped Native AOT build has no JIT).</summary>
    public List<JitSummary> Jit { get; init; } = [];

    /// <summary>strace timelines of the shipped agentctl (runs where a step was missing are left out).</summary>
    public List<StraceTimeline> Strace { get; init; } = [];

    /// <summary>The same of the ReadyToRun build.</summary>
    public List<StraceTimeline> StraceReadyToRun { get; init; } = [];

    /// <summary>`strace -f -c` of one `agentctl status` (nsenter's and env's few calls included).</summary>
    public string? StraceSummary { get; set; }

    /// <summary>`strace -f -c` of one `wg show wg0` the same way.</summary>
    public string? StraceSummaryWg { get; set; }
}
