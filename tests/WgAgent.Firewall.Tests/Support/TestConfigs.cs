namespace WgAgent.Firewall.Tests.Support;

/// <summary>Config texts for the tests: documentation and lab ranges only.</summary>
internal static class TestConfigs
{
    public const string Key = "WlpaWlpaWlpaWlpaWlpaWlpaWlpaWlpaWlpaWlpaWlo=";

    public const string PeerKey = "AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=";

    /// <summary>A valid wg0.conf: tunnel addresses, port, mark, one peer with an IP endpoint.</summary>
    public static string Tunnel(string fwMark = "FwMark = 0xca6c") => $"""
        [Interface]
        Address = 10.77.0.2/24, fd77::2/64
        PrivateKey = {Key}
        ListenPort = 51820
        {fwMark}

        [Peer]
        PublicKey = {PeerKey}
        Endpoint = 198.51.100.20:51820
        AllowedIPs = 10.77.0.1/32

        """;

    /// <summary>A valid wgagent.toml naming <paramref name="tunnelPath"/>.</summary>
    public static string Agent(string tunnelPath, string egress = "tunnel", string inbound = "restricted") => $"""
        [wireguard]
        interface = "wg0"
        config = "{tunnelPath}"

        [killswitch]
        egress = "{egress}"
        inbound = "{inbound}"
        allow_inbound = ["tcp/22"]

        [[exporter]]
        name = "node"
        unit = "prometheus-node-exporter.service"
        port = 9100
        scrapers = ["10.77.0.1"]

        """;

    /// <summary>A wgagent.toml with a TOML syntax error on line 3.</summary>
    public const string BrokenSyntax = "[killswitch]\negress = \"tunnel\"\nthis line is not toml\n";

    /// <summary>A wgagent.toml with a misspelled key (an error with a "did you mean" hint).</summary>
    public static string MisspelledKey(string tunnelPath) =>
        Agent(tunnelPath).Replace("inbound = ", "inbund = ", StringComparison.Ordinal);

    /// <summary>A wgagent.toml that parses but fails validation (an unknown mode).</summary>
    public static string BrokenValue(string tunnelPath) => Agent(tunnelPath, egress: "sometimes");
}
