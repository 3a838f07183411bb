using System.Net;
using WgAgent.Core.Diagnostics;
using WgAgent.Core.Net;

namespace WgAgent.Core.Config;

/// <summary>The <c>[killswitch]</c> section.</summary>
public static partial class AgentConfigReader
{
    private static readonly string[] KillswitchKeys = ["egress", "inbound", "allow_inbound", "allow_lan", "dns", "forward", "ipv6"];

    private static KillswitchSettings ReadKillswitch(TomlSection? section, KillswitchSettings defaults, ConfigReadContext context)
    {
        if (section is null)
        {
            return defaults;
        }

        section.RejectUnknownKeys(KillswitchKeys);
        return new KillswitchSettings(
            ReadEnum(section, "egress", defaults.Egress, context),
            ReadEnum(section, "inbound", defaults.Inbound, context),
            ReadList(section, "allow_inbound", defaults.AllowInbound, context, (string text, out PortRule? rule, out string? error) =>
                PortRule.TryParse(text, out rule, out error)),
            ReadList(section, "allow_lan", defaults.AllowLan, context, TryParseLanNetwork),
            ReadList(section, "dns", defaults.Dns, context, (string text, out IPAddress? address, out string? error) =>
                IpAddressParser.TryParse(text, out address, out error)),
            ReadEnum(section, "forward", defaults.Forward, context),
            ReadEnum(section, "ipv6", defaults.Ipv6, context));
    }

    /// <summary>A CIDR, or a single address meaning that host. Host bits are refused: nft would, and they are a typo.</summary>
    private static bool TryParseLanNetwork(string text, out IpNetwork? network, out string? error)
    {
        if (!IpNetwork.TryParseHostOrNetwork(text, out network, out error))
        {
            return false;
        }

        if (network.HasHostBits)
        {
            error = $"{DiagnosticText.Quote(text)} has host bits set: did you mean \"{network.Network}\"?";
            network = null;
            return false;
        }

        return true;
    }

    private delegate bool TryParser<T>(string text, out T? value, out string? error);

    private static IReadOnlyList<T> ReadList<T>(TomlSection section, string key, IReadOnlyList<T> defaults,
        ConfigReadContext context, TryParser<T> parse)
        where T : notnull
    {
        var items = section.StringArray(key);
        if (items is null)
        {
            return defaults;
        }

        var values = new List<T>(items.Count);
        // Keyed by the value itself: each T here (PortRule, IpNetwork, IPAddress) is equal exactly when its canonical
        // text is, and formatting 20,000 addresses only to compare them cost more than parsing them.
        var seen = new Dictionary<T, string>();
        foreach (var (text, span, path) in items)
        {
            if (!parse(text, out var value, out var error) || value is null)
            {
                context.Error(span, path, error ?? $"{DiagnosticText.Quote(text)} is not valid here");
                continue;
            }

            if (seen.TryGetValue(value, out var firstPath))
            {
                context.Warning(span, path, $"{DiagnosticText.Quote(text)} is listed twice (first as {firstPath})");
                continue;
            }

            seen[value] = path;
            context.Record(path, span);
            values.Add(value);
        }

        return values;
    }

    private static T ReadEnum<T>(TomlSection section, string key, T fallback, ConfigReadContext context)
        where T : struct, Enum
    {
        if (section.StringWithSpan(key) is not (var text, var span))
        {
            return fallback;
        }

        var names = Enum.GetValues<T>().Select(AgentConfig.Name).ToArray();
        var match = Enum.GetValues<T>().Where(v => AgentConfig.Name(v) == text).Select(v => (T?)v).FirstOrDefault();
        if (match is { } value)
        {
            return value;
        }

        var suggestion = Suggestions.Closest(text, names);
        context.Error(span, section.KeyPath(key),
            $"{DiagnosticText.Quote(text)} is not one of {string.Join(", ", names.Select(n => $"\"{n}\""))}",
            suggestion is null ? null : $"did you mean \"{suggestion}\"?");
        return fallback;
    }
}
