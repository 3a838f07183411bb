using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using WgAgent.Core.Diagnostics;

namespace WgAgent.Core.Config;

/// <summary>
/// A protocol and a port or port range as users write it in <c>allow_inbound</c>: <c>tcp/22</c>, <c>udp/53</c>,
/// <c>tcp/8000-8080</c>.
/// </summary>
public sealed record PortRule(TransportProtocol Protocol, int FirstPort, int LastPort)
{
    /// <summary>True when the rule names a single port.</summary>
    public bool IsSinglePort => FirstPort == LastPort;

    /// <summary>Parses <c>proto/port</c> or <c>proto/first-last</c>; on failure says why in one sentence.</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out PortRule? rule, [NotNullWhen(false)] out string? error)
    {
        rule = null;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            error = $"{DiagnosticText.Quote(text)} is not a port rule: write it as \"tcp/22\", \"udp/53\" or \"tcp/8000-8080\"";
            return false;
        }

        var protocolText = text[..slash];
        TransportProtocol protocol;
        switch (protocolText)
        {
            case "tcp": protocol = TransportProtocol.Tcp; break;
            case "udp": protocol = TransportProtocol.Udp; break;
            default:
                error = $"{DiagnosticText.Quote(text)} is not a port rule: protocol \"{protocolText}\" is neither \"tcp\" nor \"udp\"";
                return false;
        }

        var range = text[(slash + 1)..];
        var dash = range.IndexOf('-', StringComparison.Ordinal);
        var firstText = dash < 0 ? range : range[..dash];
        var lastText = dash < 0 ? range : range[(dash + 1)..];
        if (!TryParsePort(firstText, out var first) || !TryParsePort(lastText, out var last))
        {
            error = $"{DiagnosticText.Quote(text)} is not a port rule: ports are whole numbers from 1 to 65535";
            return false;
        }

        if (last < first)
        {
            error = $"{DiagnosticText.Quote(text)} is not a port rule: the range {first}-{last} runs backwards";
            return false;
        }

        rule = new PortRule(protocol, first, last);
        error = null;
        return true;
    }

    /// <summary>The rule as users write it (and as the startup log shows it).</summary>
    public override string ToString()
    {
        var proto = Protocol == TransportProtocol.Tcp ? "tcp" : "udp";
        return IsSinglePort ? $"{proto}/{FirstPort}" : $"{proto}/{FirstPort}-{LastPort}";
    }

    private static bool TryParsePort(string text, out int port)
    {
        // Digits only: int.TryParse would also take signs, spaces and leading '+'.
        port = 0;
        if (text.Length is 0 or > 5 || !text.All(char.IsAsciiDigit))
        {
            return false;
        }

        port = int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
        return port is >= 1 and <= 65535;
    }
}
