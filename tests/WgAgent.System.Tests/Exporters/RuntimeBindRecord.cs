using WgAgent.Lab.Processes;

namespace WgAgent.System.Tests.Exporters;

/// <summary>
/// What happened on the first boot of the node (kill switch installed, wg-quick@wg0 not enabled, so wg0 never exists):
/// the stock exporter, `wgagent exporters bind` and a second one, the check, `wgagent cleanup` and a second one.
/// Recorded in order by <see cref="ExporterBindingFixture"/>; the tests judge it.
/// </summary>
public sealed record RuntimeBindRecord
{
    /// <summary>Listeners on :9100 with Debian's stock unit, before anything of wgagent's exporter binding.</summary>
    public required IReadOnlyList<string> StockListeners { get; init; }

    /// <summary>`ip link show wg0` before the bind (fails: there is no tunnel yet).</summary>
    public required CommandResult Wg0BeforeBind { get; init; }

    /// <summary>The first `wgagent exporters bind`.</summary>
    public required CommandResult Bind { get; init; }

    /// <summary>Listeners on :9100 right after it.</summary>
    public required IReadOnlyList<string> BoundListeners { get; init; }

    /// <summary>`wgagent exporters check` after it (its own /proc/net/tcp{,6} reading).</summary>
    public required CommandResult Check { get; init; }

    /// <summary>The second `wgagent exporters bind` (same inputs).</summary>
    public required CommandResult SecondBind { get; init; }

    /// <summary>`systemd-analyze verify` of the generated socket and the exporter with its drop-in.</summary>
    public required CommandResult Verify { get; init; }

    /// <summary>The generated files by path, as the bind wrote them (carried into the second boot).</summary>
    public required IReadOnlyDictionary<string, string> Files { get; init; }

    /// <summary>The first `wgagent cleanup`.</summary>
    public required CommandResult Cleanup { get; init; }

    /// <summary>Files named wgagent* under /etc/systemd/system and /run/systemd/system after it.</summary>
    public required CommandResult LeftoversAfterCleanup { get; init; }

    /// <summary>Listeners on :9100 after it (the stock exporter again).</summary>
    public required IReadOnlyList<string> RestoredListeners { get; init; }

    /// <summary>The exporter's ExecStart= after it.</summary>
    public required string RestoredExecStart { get; init; }

    /// <summary>`nft list table inet wgagent` after it.</summary>
    public required CommandResult TableAfterCleanup { get; init; }

    /// <summary>The second `wgagent cleanup`.</summary>
    public required CommandResult SecondCleanup { get; init; }
}
