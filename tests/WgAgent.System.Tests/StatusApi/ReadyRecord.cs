using WgAgent.Lab.Processes;

namespace WgAgent.System.Tests.StatusApi;

/// <summary>How the node came to <c>agentctl status</c> exit 0 after its boot.</summary>
public sealed record ReadyRecord
{
    /// <summary>The last <c>agentctl status --json</c> of the wait (exit 0 when the wait ended well).</summary>
    public required CommandResult LastStatus { get; init; }

    /// <summary>From the start of the wait (right after the boot) to exit 0, or to the give-up.</summary>
    public required TimeSpan Waited { get; init; }

    /// <summary>How many times agentctl was asked.</summary>
    public required int Attempts { get; init; }

    /// <summary>wgagent.service's STATUS= when the wait ended.</summary>
    public required string StatusText { get; init; }

    /// <summary>The daemon's journal when the wait did not end well; empty otherwise.</summary>
    public required string Journal { get; init; }
}
