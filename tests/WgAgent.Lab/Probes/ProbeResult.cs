using System.Net;

namespace WgAgent.Lab.Probes;

/// <summary>The result of one probe from a lab host; its text reads well in an assertion message.</summary>
/// <param name="From">The probing host's role name.</param>
/// <param name="Kind">What was sent.</param>
/// <param name="Target">The destination address.</param>
/// <param name="Port">The destination port (null for ping).</param>
/// <param name="Outcome">How it ended.</param>
/// <param name="Detail">The error or tool output behind the outcome.</param>
/// <param name="Elapsed">How long it took.</param>
public sealed record ProbeResult(
    string From, ProbeKind Kind, IPAddress Target, int? Port, ProbeOutcome Outcome, string Detail, TimeSpan Elapsed)
{
    /// <summary>True when the round trip succeeded.</summary>
    public bool Reachable => Outcome == ProbeOutcome.Reachable;

    /// <inheritdoc />
    public override string ToString()
    {
        var target = Port is { } port ? new IPEndPoint(Target, port).ToString() : Target.ToString();
        var detail = Detail.Length == 0 ? "" : $" ({Detail})";
        return $"{Kind} from {From} to {target}: {Outcome} after {Elapsed.TotalMilliseconds:0} ms{detail}";
    }
}
