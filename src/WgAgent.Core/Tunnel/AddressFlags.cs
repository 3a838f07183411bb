namespace WgAgent.Core.Tunnel;

/// <summary>The IFA_F_* flags of an interface address (linux/if_addr.h; <c>ip address</c> shows them by name).</summary>
[Flags]
public enum AddressFlags : uint
{
    /// <summary>No flag.</summary>
    None = 0,

    /// <summary>IFA_F_SECONDARY (IPv4) / IFA_F_TEMPORARY (IPv6).</summary>
    Secondary = 0x01,

    /// <summary>IFA_F_NODAD: added without duplicate address detection.</summary>
    NoDad = 0x02,

    /// <summary>IFA_F_OPTIMISTIC: usable while DAD runs (RFC 4429).</summary>
    Optimistic = 0x04,

    /// <summary>IFA_F_DADFAILED: another host has the address; the kernel will not use it.</summary>
    DadFailed = 0x08,

    /// <summary>IFA_F_HOMEADDRESS.</summary>
    HomeAddress = 0x10,

    /// <summary>IFA_F_DEPRECATED: preferred lifetime over, still usable.</summary>
    Deprecated = 0x20,

    /// <summary>IFA_F_TENTATIVE: DAD has not finished; bind(2) fails with EADDRNOTAVAIL unless IP_FREEBIND.</summary>
    Tentative = 0x40,

    /// <summary>IFA_F_PERMANENT: configured, not autoconfigured.</summary>
    Permanent = 0x80,

    /// <summary>IFA_F_MANAGETEMPADDR.</summary>
    ManageTempAddress = 0x100,

    /// <summary>IFA_F_NOPREFIXROUTE.</summary>
    NoPrefixRoute = 0x200,

    /// <summary>IFA_F_MCAUTOJOIN.</summary>
    MulticastAutoJoin = 0x400,

    /// <summary>IFA_F_STABLE_PRIVACY.</summary>
    StablePrivacy = 0x800,
}
