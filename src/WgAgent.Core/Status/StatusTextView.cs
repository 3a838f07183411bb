using System.Text;

namespace WgAgent.Core.Status;

/// <summary>
/// <c>agentctl status</c> for people: a headline, then the interface and its peers the way <c>wg show</c> prints
/// them, the kill switch, the exporters, the config, and last the problems with their hints (last, so they are what
/// stays on screen). Dense, one fact per line, ANSI colors only when asked (agentctl asks on a TTY).
/// </summary>
public static partial class StatusTextView
{
    /// <summary>The hint printed when the daemon cannot be reached.</summary>
    public const string UnreachableHint = "run `systemctl status wgagent`";

    /// <summary>Renders a status document.</summary>
    /// <param name="document">What the daemon answered.</param>
    /// <param name="color">Whether to use ANSI colors.</param>
    /// <param name="now">The present, for ages ("handshake 1m 47s ago"); the document's own ages are as of its
    /// generation.</param>
    /// <returns>The text, ending with a newline.</returns>
    public static string Render(StatusDocument document, bool color, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(document);
        var style = new TerminalStyle(color);
        var text = new StringBuilder(2048);
        text.Append(Headline(document, style)).Append('\n');
        AppendTunnel(text, document.Tunnel, style, now);
        AppendKillswitch(text, document.Killswitch, style, now);
        AppendExporters(text, document.Exporters, style);
        text.Append('\n');
        AppendConfig(text, document, style, now);
        AppendProblems(text, document.Problems, style);
        return text.ToString();
    }

    /// <summary>
    /// What agentctl prints when it cannot talk to the daemon, e.g.
    /// <c>agentctl: cannot reach wgagent at /run/wgagent/agent.sock: Connection refused</c> and a hint line.
    /// </summary>
    /// <param name="socketPath">The socket tried.</param>
    /// <param name="reason">Why it failed, e.g. the socket error's message.</param>
    /// <param name="color">Whether to use ANSI colors.</param>
    /// <param name="hint">A more precise hint (e.g. for permission denied); null for <see cref="UnreachableHint"/>.</param>
    /// <returns>Two lines, ending with a newline.</returns>
    public static string RenderUnreachable(string socketPath, string reason, bool color, string? hint = null)
    {
        ArgumentNullException.ThrowIfNull(socketPath);
        ArgumentNullException.ThrowIfNull(reason);
        var style = new TerminalStyle(color);
        return $"{style.Bad("agentctl:")} cannot reach wgagent at {TerminalStyle.Clean(socketPath)}: {TerminalStyle.Clean(reason)}\n" +
            $"  {style.Dim("hint:")} {TerminalStyle.Clean(hint ?? UnreachableHint)}\n";
    }

    private static string Headline(StatusDocument document, TerminalStyle style)
    {
        var word = document.State switch
        {
            AgentState.Ok => "ok",
            AgentState.Starting => "starting",
            AgentState.Degraded => "DEGRADED",
            _ => "ERROR",
        };
        var tunnel = document.Tunnel.Up ? "up" : document.Tunnel.Present ? "down" : document.Tunnel.Phase;
        var bound = document.Exporters.Count(e => e.State == ExporterBindState.Bound);
        var parts = new List<string>
        {
            $"kill switch {KillswitchWord(document.Killswitch.State)}",
            $"{document.Tunnel.Interface} {tunnel}",
            document.Exporters.Count == 0 ? "no exporters" : $"exporters {bound}/{document.Exporters.Count} bound",
        };
        if (document.Problems.Count > 0)
        {
            parts.Add($"{document.Problems.Count} {(document.Problems.Count == 1 ? "problem" : "problems")}");
        }
        return $"{style.Headline(document.State, word)}: {string.Join("; ", parts)}";
    }

    private static string KillswitchWord(KillswitchStatusState state) => state switch
    {
        KillswitchStatusState.Verified => "verified",
        KillswitchStatusState.FallbackLastGood => "fallback-last-good",
        KillswitchStatusState.BlockAll => "block-all",
        KillswitchStatusState.Missing => "MISSING",
        _ => "ERROR",
    };

    private static void AppendConfig(StringBuilder text, StatusDocument document, TerminalStyle style, DateTimeOffset now)
    {
        var config = document.Config;
        var loaded = config.LoadedAt is { } at ? $"loaded {HumanUnits.Ago(at, now)}" : style.Bad("not loaded");
        var broken = config.Error is null ? "" : $"; {style.Bad("on disk BROKEN")}: {TerminalStyle.Clean(config.Error)}";
        text.Append(style.Label("config:")).Append(' ').Append(TerminalStyle.Clean(config.Path)).Append(", ").Append(loaded).Append(broken).Append('\n');

        var started = document.StartedAt is { } s ? $", started {HumanUnits.Ago(s, now)}" : "";
        text.Append(style.Label("agent:")).Append(" wgagent ").Append(TerminalStyle.Clean(document.Version)).Append(started)
            .Append(document.Ready ? ", ready" : ", not ready").Append('\n');
    }

    private static void AppendProblems(StringBuilder text, IReadOnlyList<StatusProblem> problems, TerminalStyle style)
    {
        if (problems.Count == 0)
        {
            return;
        }

        text.Append('\n').Append(style.Label("problems:")).Append('\n');
        foreach (var problem in problems)
        {
            text.Append("  ").Append(style.Bad("!")).Append(' ').Append(TerminalStyle.Clean(problem.Message)).Append('\n');
            text.Append("    ").Append(style.Dim("hint:")).Append(' ').Append(TerminalStyle.Clean(problem.Hint)).Append('\n');
        }
    }
}
