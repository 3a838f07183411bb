using Xunit;

namespace WgAgent.Lab.Probes;

/// <summary>
/// The probe rows most lab and system tests run, as [MemberData] (<c>MemberType = typeof(ProbeMatrix)</c>): written
/// once so every suite covers the same kinds and families in the same order.
/// </summary>
public static class ProbeMatrix
{
    /// <summary>TCP, UDP and ping, each over IPv4 then IPv6: (kind, ipv6).</summary>
    public static TheoryData<ProbeKind, bool> KindsAndFamilies => new()
    {
        { ProbeKind.TcpEcho, false },
        { ProbeKind.TcpEcho, true },
        { ProbeKind.UdpEcho, false },
        { ProbeKind.UdpEcho, true },
        { ProbeKind.Ping, false },
        { ProbeKind.Ping, true },
    };

    /// <summary>TCP and UDP (the kinds that carry a port, e.g. DNS), each over IPv4 then IPv6: (kind, ipv6).</summary>
    public static TheoryData<ProbeKind, bool> EchoKindsAndFamilies => new()
    {
        { ProbeKind.TcpEcho, false },
        { ProbeKind.TcpEcho, true },
        { ProbeKind.UdpEcho, false },
        { ProbeKind.UdpEcho, true },
    };

    /// <summary>TCP, UDP and ping, for tests that pick the family themselves.</summary>
    public static TheoryData<ProbeKind> Kinds => [ProbeKind.TcpEcho, ProbeKind.UdpEcho, ProbeKind.Ping];
}
