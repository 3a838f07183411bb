using System.Globalization;
using System.Text.RegularExpressions;
using WgAgent.Core.Firewall;

namespace WgAgent.Core.Status;

/// <summary>Reads the named counters' values out of <c>nft list table inet wgagent</c> (pure).</summary>
public static partial class NftCounterListing
{
    /// <summary>
    /// The values of the named counter objects (<c>counter NAME { packets N bytes M }</c>, on one line or several),
    /// in <see cref="NftCounters.All"/> order, then any other named counter in listing order. Rules that use a
    /// counter (<c>counter name "x"</c>) and anonymous rule counters are not objects and are skipped.
    /// </summary>
    /// <param name="listing">The kernel's listing of the table.</param>
    /// <returns>The values by counter name; empty when the listing declares none.</returns>
    public static IReadOnlyDictionary<string, DropCounter> Parse(string listing)
    {
        ArgumentNullException.ThrowIfNull(listing);
        var found = new Dictionary<string, DropCounter>(StringComparer.Ordinal);
        foreach (Match match in CounterObject().Matches(listing))
        {
            if (ulong.TryParse(match.Groups[2].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var packets)
                && ulong.TryParse(match.Groups[3].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var bytes))
            {
                found.TryAdd(match.Groups[1].Value, new DropCounter(packets, bytes));
            }
        }

        // Insertion order is the serialized order: the table's own declaration order first, so every answer lists
        // the counters the same way whatever order nft prints them in.
        var ordered = new Dictionary<string, DropCounter>(StringComparer.Ordinal);
        foreach (var name in NftCounters.All.Where(found.ContainsKey).Concat(found.Keys.Where(k => !NftCounters.All.Contains(k))))
        {
            ordered[name] = found[name];
        }
        return ordered;
    }

    [GeneratedRegex(@"(?m)^\s*counter\s+([A-Za-z_][A-Za-z0-9_-]*)\s*\{[^}]*?\bpackets\s+(\d+)\s+bytes\s+(\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex CounterObject();
}
