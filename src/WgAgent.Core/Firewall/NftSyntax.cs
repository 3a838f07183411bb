using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using WgAgent.Core.Config;
using WgAgent.Core.Net;

namespace WgAgent.Core.Firewall;

/// <summary>Values spelled exactly as <c>nft list</c> prints them, so rendered text and the listing compare equal
/// (also for showing kernel state next to config values).</summary>
public static class NftSyntax
{
    /// <summary>An address as nft prints it: IPv4 dotted, IPv6 as glibc's inet_ntop(3) writes it (which is what nft
    /// calls), not as .NET does (the two differ on embedded IPv4, e.g. <c>::1.2.3.4</c>).</summary>
    public static string Address(IPAddress address) =>
        address.AddressFamily == AddressFamily.InterNetwork ? address.ToString() : Ipv6(address.GetAddressBytes());

    /// <summary>A network as nft lists an interval element: a single host without its prefix length.</summary>
    public static string Network(IpNetwork network) =>
        network.IsSingleHost ? Address(network.Address) : $"{Address(network.Address)}/{Number(network.PrefixLength)}";

    /// <summary>A port range element: <c>22</c> or <c>8000-8080</c>.</summary>
    public static string Ports(PortRule rule) =>
        rule.IsSinglePort ? Number(rule.FirstPort) : $"{Number(rule.FirstPort)}-{Number(rule.LastPort)}";

    /// <summary>A mark as nft lists <c>meta mark</c>: eight hex digits.</summary>
    public static string Mark(uint mark) => "0x" + mark.ToString("x8", CultureInfo.InvariantCulture);

    /// <summary>A decimal number, culture-free.</summary>
    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A quoted string; the values quoted here (interface names, comments the renderer wrote) never hold a
    /// quote or backslash (<see cref="InterfaceName"/> refuses them).</summary>
    public static string Quote(string value) => $"\"{value}\"";

    private static string Ipv6(byte[] bytes)
    {
        Span<int> words = stackalloc int[8];
        for (var i = 0; i < 8; i++)
        {
            words[i] = (bytes[2 * i] << 8) | bytes[(2 * i) + 1];
        }

        // The longest run of zero words (at least two; the first of equal runs) becomes "::", as in inet_ntop.
        int bestBase = -1, bestLength = 0;
        for (int i = 0, runBase = -1; i <= 8; i++)
        {
            if (i < 8 && words[i] == 0)
            {
                runBase = runBase < 0 ? i : runBase;
            }
            else if (runBase >= 0)
            {
                if (i - runBase > bestLength)
                {
                    (bestBase, bestLength) = (runBase, i - runBase);
                }
                runBase = -1;
            }
        }
        if (bestLength < 2)
        {
            bestBase = -1;
        }

        var text = new StringBuilder();
        for (var i = 0; i < 8; i++)
        {
            if (bestBase >= 0 && i >= bestBase && i < bestBase + bestLength)
            {
                if (i == bestBase)
                {
                    text.Append(':');
                }
                continue;
            }
            if (i != 0)
            {
                text.Append(':');
            }
            // inet_ntop writes ::a.b.c.d (IPv4-compatible) and ::ffff:a.b.c.d (IPv4-mapped) with a dotted tail.
            if (i == 6 && bestBase == 0 && (bestLength == 6 || (bestLength == 5 && words[5] == 0xffff)))
            {
                text.Append(string.Create(CultureInfo.InvariantCulture, $"{bytes[12]}.{bytes[13]}.{bytes[14]}.{bytes[15]}"));
                return text.ToString();
            }
            text.Append(words[i].ToString("x", CultureInfo.InvariantCulture));
        }
        if (bestBase >= 0 && bestBase + bestLength == 8)
        {
            text.Append(':');
        }
        return text.ToString();
    }
}
