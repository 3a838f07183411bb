namespace WgAgent.Lab.Probes;

/// <summary>What a probe sent.</summary>
public enum ProbeKind
{
    /// <summary>A TCP connect (handshake completes).</summary>
    TcpConnect,

    /// <summary>A TCP connect plus a payload echoed back.</summary>
    TcpEcho,

    /// <summary>A UDP datagram echoed back.</summary>
    UdpEcho,

    /// <summary>One ICMP/ICMPv6 echo request (ping).</summary>
    Ping,
}
