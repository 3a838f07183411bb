using WgAgent.Lab.Processes;

namespace WgAgent.System.Tests.Daemon;

/// <summary>What happened when <see cref="ServiceSandboxFixture"/> started, reloaded and stopped the stand-in daemon.</summary>
public sealed record StandInRecord
{
    /// <summary>The generated unit.</summary>
    public required string UnitText { get; init; }

    /// <summary><c>systemctl start</c>: returns once READY=1 arrived.</summary>
    public required CommandResult Start { get; init; }

    /// <summary>Its properties after the start.</summary>
    public required IReadOnlyDictionary<string, string> AfterStart { get; init; }

    /// <summary>WatchdogTimestampMonotonic after the start, and after waiting (bounded) for it to move.</summary>
    public required (string First, string Later) WatchdogTimestamps { get; init; }

    /// <summary><c>systemctl reload</c>: ExecReload= sends SIGHUP to $MAINPID.</summary>
    public required CommandResult Reload { get; init; }

    /// <summary>Its properties after the reload.</summary>
    public required IReadOnlyDictionary<string, string> AfterReload { get; init; }

    /// <summary><c>systemctl stop</c>.</summary>
    public required CommandResult Stop { get; init; }

    /// <summary>Its properties after the stop.</summary>
    public required IReadOnlyDictionary<string, string> AfterStop { get; init; }

    /// <summary>Its journal.</summary>
    public required string Journal { get; init; }
}
