using System.Globalization;
using System.Text.RegularExpressions;
using WgAgent.Lab.Hosts;

namespace WgAgent.Lab.Nftables;

/// <summary>
/// nft inside a lab host: apply a script, list a table, read a named counter. Only ever inside the host's namespace
/// (never the machine's own ruleset: a kill switch there would cut this machine off).
/// </summary>
public static partial class NftHostExtensions
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Runs <paramref name="script"/> through <c>nft -f -</c> in the host (one transaction, nft(8)).</summary>
    /// <exception cref="LabException">nft refused the script (the message quotes nft's error).</exception>
    /// <returns>How long nft took, process start included.</returns>
    public static async Task<TimeSpan> ApplyNftAsync(this LabHost host, string script)
    {
        EnsureNotOurNamespace(host);
        var result = await host.RunAsync(["nft", "-f", "-"], CommandTimeout, script).ConfigureAwait(false);
        return result.EnsureSuccess().Elapsed;
    }

    /// <summary>
    /// Refuses to go on when the host's network namespace is the test process's own (the machine's, as the lab never
    /// runs inside one of its hosts): belt and braces, since nsenter into a dead anchor's PID could land elsewhere.
    /// </summary>
    /// <exception cref="LabException">The namespaces are the same, or the host's cannot be read.</exception>
    public static void EnsureNotOurNamespace(LabHost host)
    {
        var theirs = new FileInfo($"/proc/{host.AnchorPid}/ns/net").LinkTarget;
        var ours = new FileInfo("/proc/self/ns/net").LinkTarget;
        if (theirs is null || ours is null || theirs == ours)
        {
            throw new LabException($"{host.Name}: refusing to change nftables: its network namespace ({theirs ?? "unreadable"}) is not a lab namespace");
        }
    }

    /// <summary><c>nft list table FAMILY NAME</c> in the host, or null when the table does not exist.</summary>
    public static async Task<string?> ListNftTableAsync(this LabHost host, string family, string table)
    {
        var result = await host.RunAsync(["nft", "list", "table", family, table], CommandTimeout).ConfigureAwait(false);
        return result.Succeeded ? result.Stdout : null;
    }

    /// <summary>Reads a named counter: <c>nft list counter FAMILY TABLE NAME</c>.</summary>
    /// <exception cref="LabException">The counter (or its table) does not exist, or the listing is not understood.</exception>
    public static async Task<NftCounterValue> ReadNftCounterAsync(this LabHost host, string family, string table, string name)
    {
        var result = await host.RunAsync(["nft", "list", "counter", family, table, name], CommandTimeout).ConfigureAwait(false);
        return ParseCounter(name, result.EnsureSuccess().Stdout);
    }

    /// <summary>Parses the listing of one counter object: "counter NAME { packets N bytes M }" (nft(8), STATEFUL OBJECTS).</summary>
    /// <exception cref="LabException">No "packets N bytes M" in the text.</exception>
    public static NftCounterValue ParseCounter(string name, string listing)
    {
        var match = PacketsAndBytes().Match(listing);
        if (!match.Success)
        {
            throw new LabException($"no \"packets N bytes M\" in the listing of counter {name}: {listing.Trim()}");
        }

        return new NftCounterValue(
            name,
            long.Parse(match.Groups["packets"].Value, NumberStyles.None, CultureInfo.InvariantCulture),
            long.Parse(match.Groups["bytes"].Value, NumberStyles.None, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"packets (?<packets>[0-9]+) bytes (?<bytes>[0-9]+)")]
    private static partial Regex PacketsAndBytes();
}
