namespace WgAgent.Core.Tunnel;

/// <summary>What a dump request asks the kernel to list.</summary>
public enum DumpKind
{
    /// <summary>RTM_GETLINK: every link in the network namespace.</summary>
    Links,

    /// <summary>RTM_GETADDR: every IPv4 and IPv6 address in the network namespace.</summary>
    Addresses,
}
