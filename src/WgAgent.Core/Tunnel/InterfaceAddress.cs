using System.Net;
using System.Net.Sockets;

namespace WgAgent.Core.Tunnel;

/// <summary>An address on an interface, as RTM_NEWADDR describes it (rtnetlink(7)).</summary>
/// <param name="Address">The local address (IFA_LOCAL, else IFA_ADDRESS: on a point-to-point IPv4 link IFA_ADDRESS
/// is the peer's).</param>
/// <param name="PrefixLength">ifa_prefixlen.</param>
/// <param name="Flags">IFA_FLAGS when present (it supersedes the 8-bit ifa_flags), else ifa_flags.</param>
/// <param name="Scope">ifa_scope.</param>
public sealed record InterfaceAddress(IPAddress Address, int PrefixLength, AddressFlags Flags, AddressScope Scope)
{
    /// <summary>True for IPv4, false for IPv6.</summary>
    public bool IsIPv4 => Address.AddressFamily == AddressFamily.InterNetwork;

    /// <summary>IFA_F_TENTATIVE without IFA_F_OPTIMISTIC: DAD still runs and the kernel refuses to bind it.</summary>
    public bool IsTentative => (Flags & AddressFlags.Tentative) != 0 && (Flags & AddressFlags.Optimistic) == 0;

    /// <summary>
    /// Whether a service can bind this address now and be reached through it: a global (or site) scope address
    /// that is neither tentative nor failed DAD. IPv4 has no in-kernel DAD, so an IPv4 global address is usable at
    /// once; an IPv6 one after DAD (about one second with the default dad_transmits = 1), at once with
    /// <c>nodad</c> or accept_dad = 0, or while optimistic (RFC 4429 allows its use). Link-local addresses (an
    /// fe80:: the kernel put on a link) do not count: they are not the tunnel address anyone configured.
    /// </summary>
    public bool IsUsable => Scope < AddressScope.Link && (Flags & AddressFlags.DadFailed) == 0 && !IsTentative;

    /// <summary>E.g. <c>10.0.0.2/24</c>, or <c>fd00::2/64 tentative</c>.</summary>
    public override string ToString() =>
        $"{Address}/{PrefixLength}{((Flags & AddressFlags.DadFailed) != 0 ? " dadfailed" : IsTentative ? " tentative" : "")}";
}
