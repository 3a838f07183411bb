using System.Globalization;
using WgAgent.Lab.Hosts;

namespace WgAgent.Lab.WireGuard;

/// <summary><c>wg show</c> helpers for a lab host (they run wg inside it, so they see its /run/wireguard).</summary>
public static class WireGuardHostExtensions
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The text of <c>wg show wg0</c> inside the host.</summary>
    public static async Task<string> WgShowAsync(this LabHost host, string interfaceName = TunnelConfig.InterfaceName)
    {
        var result = await host.RunAsync(["wg", "show", interfaceName], CommandTimeout).ConfigureAwait(false);
        return result.EnsureSuccess().Stdout;
    }

    /// <summary>Latest handshake per peer public key (<c>wg show wg0 latest-handshakes</c>); null = never.</summary>
    public static async Task<IReadOnlyDictionary<string, DateTimeOffset?>> WgLatestHandshakesAsync(
        this LabHost host, string interfaceName = TunnelConfig.InterfaceName)
    {
        var result = await host.RunAsync(["wg", "show", interfaceName, "latest-handshakes"], CommandTimeout).ConfigureAwait(false);
        return ParseLatestHandshakes(result.EnsureSuccess().Stdout);
    }

    /// <summary>
    /// Waits until the host has a handshake with <paramref name="peerPublicKey"/> (polling every 100 ms).
    /// Does not send traffic itself: the caller (or Prometheus scraping) triggers the handshake.
    /// </summary>
    /// <exception cref="LabException">No handshake within <paramref name="timeout"/>.</exception>
    public static async Task<DateTimeOffset> WaitForHandshakeAsync(
        this LabHost host, string peerPublicKey, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var handshakes = await host.WgLatestHandshakesAsync().ConfigureAwait(false);
            if (handshakes.TryGetValue(peerPublicKey, out var at) && at is { } time)
            {
                return time;
            }

            if (DateTime.UtcNow > deadline)
            {
                var known = handshakes.Count == 0 ? "no peers" : string.Join(", ", handshakes.Select(h => $"{h.Key}={h.Value?.ToString("o") ?? "never"}"));
                throw new LabException($"{host.Name}: no WireGuard handshake with {peerPublicKey} within {timeout.TotalSeconds} s ({known})");
            }

            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Parses <c>wg show IF latest-handshakes</c>: "PUBKEY\tUNIXSECONDS" per line, 0 = never (wg(8)).</summary>
    public static IReadOnlyDictionary<string, DateTimeOffset?> ParseLatestHandshakes(string text)
    {
        var handshakes = new Dictionary<string, DateTimeOffset?>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var fields = line.Split('\t');
            if (fields.Length != 2 || !long.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            {
                throw new LabException($"unexpected `wg show latest-handshakes` line: {line}");
            }

            handshakes[fields[0]] = seconds == 0 ? null : DateTimeOffset.FromUnixTimeSeconds(seconds);
        }

        return handshakes;
    }
}
