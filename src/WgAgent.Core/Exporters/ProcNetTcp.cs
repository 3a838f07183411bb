using System.Buffers.Binary;
using System.Globalization;
using System.Net;

namespace WgAgent.Core.Exporters;

/// <summary>
/// Reads the kernel's TCP socket tables, <c>/proc/net/tcp</c> and <c>/proc/net/tcp6</c> (proc(5)), for the sockets in
/// the LISTEN state. Pure: the caller reads the files (from its own network namespace) and says the byte order.
/// </summary>
/// <remarks>
/// Each line after the header is <c>sl: local rem st ...</c>, with <c>local</c> as <c>ADDR:PORT</c> in hex. The kernel
/// prints the address as 32-bit words (one for IPv4, four for IPv6), each with <c>%08X</c> of the word as the CPU
/// holds it: the network-order bytes come out reversed per word on a little-endian CPU (127.0.0.1 is
/// <c>0100007F</c> on x86 and arm64, <c>7F000001</c> on a big-endian one). The port is printed in host order, plainly.
/// The state is hex too; <c>0A</c> is TCP_LISTEN.
/// </remarks>
public static class ProcNetTcp
{
    /// <summary>TCP_LISTEN as the state column shows it.</summary>
    public const string ListenState = "0A";

    /// <summary>Every LISTEN socket in one table's text.</summary>
    /// <param name="text">The whole file (either table; the address length tells the family).</param>
    /// <param name="littleEndian">The CPU's byte order (<see cref="BitConverter.IsLittleEndian"/> for the running host).</param>
    /// <returns>The listening sockets in file order.</returns>
    /// <exception cref="FormatException">A line does not have the kernel's shape; the message names the line.</exception>
    public static IReadOnlyList<ListeningSocket> ParseListening(string text, bool littleEndian)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new List<ListeningSocket>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var fields = lines[i].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            // The header ("sl local_address ...") and the empty tail after the last newline.
            if (fields.Length == 0 || fields[0] == "sl")
            {
                continue;
            }

            if (fields.Length < 4 || !fields[0].EndsWith(':'))
            {
                throw new FormatException($"line {i + 1}: expected \"sl: local remote state ...\", got \"{lines[i].Trim()}\"");
            }

            if (fields[3] == ListenState)
            {
                result.Add(ParseEndpoint(fields[1], littleEndian, i + 1));
            }
        }

        return result;
    }

    /// <summary>The addresses listening on <paramref name="port"/>, as bound (IPv4-mapped shown as IPv4), without repeats.</summary>
    /// <param name="listeners">Both tables' listening sockets.</param>
    /// <param name="port">The port.</param>
    /// <returns>The addresses in table order.</returns>
    public static IReadOnlyList<IPAddress> AddressesOn(IEnumerable<ListeningSocket> listeners, int port)
    {
        ArgumentNullException.ThrowIfNull(listeners);
        var result = new List<IPAddress>();
        foreach (var socket in listeners.Where(s => s.Port == port))
        {
            if (!result.Contains(socket.EffectiveAddress))
            {
                result.Add(socket.EffectiveAddress);
            }
        }

        return result;
    }

    private static ListeningSocket ParseEndpoint(string field, bool littleEndian, int line)
    {
        var colon = field.IndexOf(':', StringComparison.Ordinal);
        var hex = colon < 0 ? field : field[..colon];
        if (colon < 0 || hex.Length is not (8 or 32)
            || !int.TryParse(field.AsSpan(colon + 1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var port)
            || port is < 0 or > 65535)
        {
            throw new FormatException($"line {line}: \"{field}\" is not a local address (8 or 32 hex digits, ':', a hex port)");
        }

        var bytes = new byte[hex.Length / 2];
        for (var word = 0; word < hex.Length / 8; word++)
        {
            if (!uint.TryParse(hex.AsSpan(word * 8, 8), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
            {
                throw new FormatException($"line {line}: \"{field}\" has a non-hex address");
            }

            // The word was printed as the CPU holds it; put its bytes back in memory (= network) order.
            var target = bytes.AsSpan(word * 4, 4);
            if (littleEndian)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(target, value);
            }
            else
            {
                BinaryPrimitives.WriteUInt32BigEndian(target, value);
            }
        }

        return new ListeningSocket(new IPAddress(bytes), port);
    }
}
