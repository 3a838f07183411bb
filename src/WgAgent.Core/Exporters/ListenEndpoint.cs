using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace WgAgent.Core.Exporters;

/// <summary>Formats address and port the way systemd.socket(5) <c>ListenStream=</c> and exporters' flags take them.</summary>
public static class ListenEndpoint
{
    /// <summary><c>10.0.0.2:9100</c> for IPv4, <c>[fd00::2]:9100</c> for IPv6.</summary>
    /// <param name="address">A unicast address without a scope.</param>
    /// <param name="port">The TCP port.</param>
    /// <returns>The endpoint text.</returns>
    public static string Format(IPAddress address, int port)
    {
        ArgumentNullException.ThrowIfNull(address);
        var text = port.ToString(CultureInfo.InvariantCulture);
        return address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{address}]:{text}" : $"{address}:{text}";
    }
}
