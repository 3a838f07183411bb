namespace WgAgent.Core.Firewall;

/// <summary>
/// nftables table families as nft names them and as netlink numbers them (NFPROTO_*, linux/netfilter.h; the
/// nfgen_family of every nf_tables message).
/// </summary>
public static class NftablesFamily
{
    /// <summary>NFPROTO_INET: the family of <c>table inet wgagent</c>.</summary>
    public const byte Inet = 1;

    /// <summary>Maps an nft family name (<c>ip</c>, <c>ip6</c>, <c>inet</c>, <c>arp</c>, <c>bridge</c>,
    /// <c>netdev</c>) to its number.</summary>
    /// <param name="name">The name, as nft spells it (lower case).</param>
    /// <param name="number">The NFPROTO_* number.</param>
    /// <returns>False for a name nft does not know.</returns>
    public static bool TryParse(string? name, out byte number)
    {
        number = name switch
        {
            "inet" => Inet,
            "ip" => 2,
            "arp" => 3,
            "netdev" => 5,
            "bridge" => 7,
            "ip6" => 10,
            _ => 0,
        };
        return number != 0;
    }

    /// <summary>The nft name of a family number, e.g. <c>inet</c>; the number itself when nft has no name for it.</summary>
    /// <param name="number">An NFPROTO_* number.</param>
    /// <returns>The name.</returns>
    public static string Name(byte number) => number switch
    {
        Inet => "inet",
        2 => "ip",
        3 => "arp",
        5 => "netdev",
        7 => "bridge",
        10 => "ip6",
        _ => $"family {number}",
    };

    /// <summary>Like <see cref="TryParse"/>, for names that come from code.</summary>
    /// <param name="name">The name.</param>
    /// <returns>The number.</returns>
    /// <exception cref="ArgumentException">nft knows no such family.</exception>
    public static byte Parse(string name) =>
        TryParse(name, out var number) ? number
        : throw new ArgumentException($"\"{name}\" is not an nftables family (ip, ip6, inet, arp, bridge, netdev)", nameof(name));
}
