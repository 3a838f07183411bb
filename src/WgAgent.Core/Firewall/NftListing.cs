using System.Text;
using System.Text.RegularExpressions;

namespace WgAgent.Core.Firewall;

/// <summary>
/// Compares what the kernel holds (<c>nft list table inet wgagent</c>) with what was rendered
/// (<see cref="NftRuleset.RenderTable"/>), ignoring only what legitimately differs: counter and quota values, the
/// order of set elements (nft prints hash sets in hash order and wraps long element lists as it likes) and
/// whitespace (indentation, blank lines, line breaks inside an element list). Everything else — every rule, match,
/// verdict, comment and element — must be equal.
/// </summary>
public static partial class NftListing
{
    /// <summary>
    /// The canonical form: one trimmed line per statement, single spaces outside quoted strings, element lists on
    /// one line with their elements sorted (ordinal), counters and quotas at zero, no blank lines, ending with a
    /// newline.
    /// </summary>
    /// <param name="listing">A table as <c>nft list table</c> prints it, or as rendered.</param>
    /// <returns>The canonical form; equal for two texts that describe the same table.</returns>
    public static string Normalize(string listing)
    {
        ArgumentNullException.ThrowIfNull(listing);
        var result = new StringBuilder(listing.Length);
        foreach (var line in LogicalLines(listing))
        {
            var canonical = SortLists(NumericProtocols(ZeroCounters(CollapseSpaces(line))));
            if (canonical.Length > 0)
            {
                result.Append(canonical).Append('\n');
            }
        }

        return result.ToString();
    }

    /// <summary>True when <paramref name="listing"/> describes the table <paramref name="expectedTable"/>.</summary>
    /// <param name="listing">The kernel's listing.</param>
    /// <param name="expectedTable">The rendered table.</param>
    /// <returns>Whether their <see cref="Normalize">normal forms</see> are equal.</returns>
    public static bool Matches(string listing, string expectedTable) =>
        string.Equals(Normalize(listing), Normalize(expectedTable), StringComparison.Ordinal);

    /// <summary>Where the two differ, for an error message: the first differing line of each normal form.</summary>
    /// <param name="listing">The kernel's listing.</param>
    /// <param name="expectedTable">The rendered table.</param>
    /// <returns>Null when they match, else e.g. <c>line 12: expected "…", listed "…"</c>.</returns>
    public static string? FirstDifference(string listing, string expectedTable)
    {
        var actual = Normalize(listing).Split('\n');
        var expected = Normalize(expectedTable).Split('\n');
        for (var i = 0; i < Math.Max(actual.Length, expected.Length); i++)
        {
            var a = i < actual.Length ? actual[i] : "(end)";
            var e = i < expected.Length ? expected[i] : "(end)";
            if (!string.Equals(a, e, StringComparison.Ordinal))
            {
                return $"line {i + 1}: expected \"{e}\", listed \"{a}\"";
            }
        }

        return null;
    }

    /// <summary>Zeroes <c>packets N bytes M</c> (counters) and <c>used N unit</c> (quotas) outside quoted strings.</summary>
    private static string ZeroCounters(string line) =>
        // Most lines (and every element line of a big set) hold neither word: skip the split and the regexes.
        !line.Contains("packets ", StringComparison.Ordinal) && !line.Contains("used ", StringComparison.Ordinal)
            ? line
            : MapUnquoted(line, segment => QuotaUsed().Replace(CounterValues().Replace(segment, "packets 0 bytes 0"), "used 0 bytes"));

    /// <summary>
    /// Writes the protocols after <c>l4proto</c> as numbers. nft prints them by name only when /etc/protocols has
    /// them (Debian's netbase): a minimal host without it lists <c>meta l4proto { 6, 17 }</c> for the rendered
    /// <c>meta l4proto { tcp, udp }</c>. Both mean the same table.
    /// </summary>
    private static string NumericProtocols(string line) =>
        !line.Contains("l4proto ", StringComparison.Ordinal)
            ? line
            : MapUnquoted(line, segment => L4Proto().Replace(segment, match =>
                "l4proto " + ProtocolName().Replace(match.Groups[1].Value, name => ProtocolNumbers.TryGetValue(name.Value, out var n) ? n : name.Value)));

    // IANA protocol numbers of the names nft may print (netbase's /etc/protocols spellings).
    private static readonly Dictionary<string, string> ProtocolNumbers = new(StringComparer.Ordinal)
    {
        ["icmp"] = "1", ["igmp"] = "2", ["tcp"] = "6", ["udp"] = "17", ["ipv6-icmp"] = "58", ["icmpv6"] = "58",
        ["esp"] = "50", ["ah"] = "51", ["sctp"] = "132", ["udplite"] = "136", ["gre"] = "47",
    };

    [GeneratedRegex(@"\bl4proto (\{[^}]*\}|\S+)", RegexOptions.CultureInvariant)]
    private static partial Regex L4Proto();

    [GeneratedRegex(@"[a-z][a-z0-9-]*", RegexOptions.CultureInvariant)]
    private static partial Regex ProtocolName();

    private static string MapUnquoted(string line, Func<string, string> map)
    {
        var parts = line.Split('"');
        for (var i = 0; i < parts.Length; i += 2)
        {
            parts[i] = map(parts[i]);
        }

        return string.Join('"', parts);
    }

    [GeneratedRegex(@"\bpackets \d+ bytes \d+\b", RegexOptions.CultureInvariant)]
    private static partial Regex CounterValues();

    [GeneratedRegex(@"\bused \d+ [a-z]*bytes\b", RegexOptions.CultureInvariant)]
    private static partial Regex QuotaUsed();
}
