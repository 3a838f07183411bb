using WgAgent.Core.Diagnostics;
namespace WgAgent.Core.WireGuard;

/// <summary>
/// The keys a wg-quick config may hold (wg(8) CONFIGURATION FILE FORMAT plus the additions of
/// wg-quick(8)), which section each belongs to, and whether it may appear more than once. Keys are
/// case-insensitive in both tools (strncasecmp in wg, nocasematch in wg-quick).
/// </summary>
internal static class ConfigKeys
{
    public const string Address = "Address";
    public const string ListenPort = "ListenPort";
    public const string FwMark = "FwMark";
    public const string PrivateKey = "PrivateKey";
    public const string Dns = "DNS";
    public const string Mtu = "MTU";
    public const string Table = "Table";
    public const string PreUp = "PreUp";
    public const string PostUp = "PostUp";
    public const string PreDown = "PreDown";
    public const string PostDown = "PostDown";
    public const string SaveConfig = "SaveConfig";
    public const string PublicKey = "PublicKey";
    public const string PresharedKey = "PresharedKey";
    public const string Endpoint = "Endpoint";
    public const string AllowedIPs = "AllowedIPs";
    public const string PersistentKeepalive = "PersistentKeepalive";

    /// <summary>Keys of [Interface]; true when a key may be repeated (lists and hooks).</summary>
    private static readonly Dictionary<string, bool> InterfaceKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        [Address] = true, [ListenPort] = false, [FwMark] = false, [PrivateKey] = false, [Dns] = true,
        [Mtu] = false, [Table] = false, [PreUp] = true, [PostUp] = true, [PreDown] = true, [PostDown] = true,
        [SaveConfig] = false,
    };

    /// <summary>Keys of [Peer]; true when a key may be repeated.</summary>
    private static readonly Dictionary<string, bool> PeerKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        [PublicKey] = false, [PresharedKey] = false, [Endpoint] = false, [AllowedIPs] = true,
        [PersistentKeepalive] = false,
    };

    /// <summary>The canonical spelling of a key of the given section, or null when it is not one.</summary>
    public static string? Canonical(string key, bool inInterface)
    {
        var keys = inInterface ? InterfaceKeys : PeerKeys;
        return keys.Keys.FirstOrDefault(known => string.Equals(known, key, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>True when the key may appear more than once in its section.</summary>
    public static bool IsRepeatable(string canonicalKey) =>
        InterfaceKeys.TryGetValue(canonicalKey, out var repeatable) ? repeatable : PeerKeys[canonicalKey];

    /// <summary>The hooks wg-quick runs through bash; wgagent keeps them but never runs them.</summary>
    public static bool IsHook(string canonicalKey) => canonicalKey is PreUp or PostUp or PreDown or PostDown;

    /// <summary>
    /// The known key of a section closest to a misspelt one ("Adress" → "Address", "AllowedIP" →
    /// "AllowedIPs", "Keepalive" → "PersistentKeepalive"), or null when none is close.
    /// </summary>
    public static string? Suggest(string key, bool inInterface)
    {
        var wanted = key.Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).ToLowerInvariant();
        if (wanted.Length < 3)
        {
            return null;
        }
        var keys = (inInterface ? InterfaceKeys : PeerKeys).Keys;
        var best = keys
            .Select(known => (known, distance: Suggestions.EditDistance(wanted, known.ToLowerInvariant())))
            .OrderBy(item => item.distance)
            .First();
        if (best.distance <= Math.Max(1, wanted.Length / 4))
        {
            return best.known;
        }
        return keys.FirstOrDefault(known => known.Contains(wanted, StringComparison.OrdinalIgnoreCase));
    }
}
