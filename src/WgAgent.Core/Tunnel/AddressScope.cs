namespace WgAgent.Core.Tunnel;

/// <summary>The scope of an interface address (<c>ifa_scope</c>, the RT_SCOPE_* values of rtnetlink(7)).</summary>
public enum AddressScope : byte
{
    /// <summary>RT_SCOPE_UNIVERSE: a global address.</summary>
    Universe = 0,

    /// <summary>RT_SCOPE_SITE.</summary>
    Site = 200,

    /// <summary>RT_SCOPE_LINK: e.g. an IPv6 fe80::/10 address; valid on this link only.</summary>
    Link = 253,

    /// <summary>RT_SCOPE_HOST: e.g. 127.0.0.1.</summary>
    Host = 254,

    /// <summary>RT_SCOPE_NOWHERE.</summary>
    Nowhere = 255,
}
