namespace WgAgent.Lab.Probes;

/// <summary>How a probe ended. Only <see cref="Reachable"/> means the packets made the round trip.</summary>
public enum ProbeOutcome
{
    /// <summary>The target answered as expected.</summary>
    Reachable,

    /// <summary>Actively refused: TCP RST or ICMP port unreachable (e.g. an nftables reject, or nothing listening).</summary>
    Refused,

    /// <summary>No route, or an ICMP host/network/admin unreachable came back.</summary>
    Unreachable,

    /// <summary>The local kernel refused to send (EPERM): typically an output-chain drop in the prober's namespace.</summary>
    Denied,

    /// <summary>No answer within the timeout (e.g. a silent drop).</summary>
    TimedOut,

    /// <summary>Anything else; the detail says what.</summary>
    Error,
}
