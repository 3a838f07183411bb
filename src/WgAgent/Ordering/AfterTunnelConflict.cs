using WgAgent.Core.Config;

namespace WgAgent.Ordering;

/// <summary>A unit of <c>[ordering] after_tunnel</c> whose drop-in was not written: a file of someone else's is in its place.</summary>
/// <param name="Unit">The unit that does not wait for wgagent.</param>
/// <param name="Path">The file in the way.</param>
public sealed record AfterTunnelConflict(SystemdUnitName Unit, string Path)
{
    /// <summary>One sentence for the log and the status problems.</summary>
    public string Message => $"{Path} exists and was not written by wgagent; {Unit} does not wait for the tunnel";

    /// <summary>What the operator can do about it.</summary>
    public string Hint => "move that file away (or add Wants= and After=wgagent.service to your own drop-in), then reload wgagent";

    /// <summary>The message.</summary>
    public override string ToString() => Message;
}
