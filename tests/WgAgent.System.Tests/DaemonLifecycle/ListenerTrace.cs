using System.Globalization;
using System.Net;
using WgAgent.Lab.Addressing;

namespace WgAgent.System.Tests.DaemonLifecycle;

/// <summary>
/// What <see cref="SamplerScripts.Listeners"/> saw, decoded: for each change, the endpoints listening on the exporter
/// port (as ss(8) prints them) and the tunnel addresses the node had (wg0's IPv6 ones, and the local IPv4 ones in the
/// lab's tunnel range, which only wg0 ever holds).
/// </summary>
/// <param name="Raw">The loop's output.</param>
/// <param name="Changes">One entry per change of state, in order.</param>
public sealed record ListenerTrace(SamplerOutput Raw, IReadOnlyList<ListenerTrace.Change> Changes)
{
    /// <summary>Every endpoint seen listening in any sample, sorted.</summary>
    public IReadOnlyList<string> AllListeners => [.. Changes.SelectMany(c => c.Listeners).Distinct().Order(StringComparer.Ordinal)];

    /// <summary>Decodes <paramref name="raw"/>.</summary>
    public static ListenerTrace From(SamplerOutput raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var changes = raw.States.Select(s =>
        {
            var parts = s.State.Split('|');
            var listeners = Items(parts[0]).Order(StringComparer.Ordinal).ToList();
            var v6 = parts.Length > 1 ? Items(parts[1]).Select(Inet6) : [];
            var v4 = parts.Length > 2 ? Items(parts[2]).Select(IPAddress.Parse).Where(LabAddresses.TunnelV4.Contains) : [];
            return new Change(s.Micros, listeners, [.. v4.Concat(v6).Distinct()]);
        }).ToList();
        return new ListenerTrace(raw, changes);
    }

    /// <summary>The time of the first sample in which the node had <paramref name="address"/>; null if never.</summary>
    public long? FirstHaving(IPAddress address) => Changes.FirstOrDefault(c => c.Addresses.Contains(address))?.Micros;

    /// <summary>The time of the first sample in which all of <paramref name="endpoints"/> listened; null if never.</summary>
    public long? FirstListening(IEnumerable<string> endpoints)
    {
        var wanted = endpoints.ToList();
        return Changes.FirstOrDefault(c => wanted.All(c.Listeners.Contains))?.Micros;
    }

    /// <summary>The changes as lines: ms since the first sample, listeners, tunnel addresses.</summary>
    public string Describe() => string.Join('\n', Changes.Select(c => string.Create(CultureInfo.InvariantCulture,
        $"  {(c.Micros - Raw.StartMicros) / 1000.0,9:0.0} ms  listening [{string.Join(' ', c.Listeners)}]  tunnel addresses [{string.Join(' ', c.Addresses)}]")));

    // ss prints v6 endpoints as [addr]:port; /proc/net/if_inet6 an address as 32 hex digits in network order.
    private static IPAddress Inet6(string hex) => new(Convert.FromHexString(hex));

    private static IEnumerable<string> Items(string list) => list.Split(',', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>One state of the node.</summary>
    /// <param name="Micros">The first sample that showed it (µs since the epoch).</param>
    /// <param name="Listeners">Endpoints listening on the port, sorted.</param>
    /// <param name="Addresses">The node's tunnel addresses.</param>
    public sealed record Change(long Micros, IReadOnlyList<string> Listeners, IReadOnlyList<IPAddress> Addresses);
}
