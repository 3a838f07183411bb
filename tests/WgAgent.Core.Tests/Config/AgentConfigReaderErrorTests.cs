namespace WgAgent.Core.Tests.Config;

/// <summary>The common mistakes, with the exact place and wording a user sees.</summary>
public class AgentConfigReaderErrorTests
{
    [Fact]
    public void Read_TypoInKey_PointsAtKeyAndSuggestsTheRightOne()
    {
        var message = ConfigText.Single("[killswitch]\negres = \"tunnel\"\n");

        Assert.Equal(
            "/etc/wgagent.toml:2:1: error: killswitch.egres: unknown key \"egres\" in [killswitch]\n  hint: did you mean \"egress\"?",
            message);
    }

    [Fact]
    public void Read_TypoInSection_SuggestsTheSection()
    {
        var message = ConfigText.Single("[kilswitch]\negress = \"open\"\n");

        Assert.Equal(
            "/etc/wgagent.toml:1:2: error: kilswitch: unknown key \"kilswitch\" at the top level\n  hint: did you mean \"killswitch\"?",
            message);
    }

    [Fact]
    public void Read_BadCidr_PointsAtTheArrayElement()
    {
        var message = ConfigText.Single("[killswitch]\negress = \"tunnel\"\nallow_lan = [\"192.168.0.0/24\", \"192.168.0.0/33\"]\n");

        Assert.Equal(
            "/etc/wgagent.toml:3:32: error: killswitch.allow_lan[1]: \"192.168.0.0/33\" is not a CIDR: prefix length 33 is more than 32 for IPv4",
            message);
    }

    [Fact]
    public void Read_CidrWithHostBits_SuggestsTheNetwork()
    {
        var message = ConfigText.Single("[killswitch]\negress = \"tunnel\"\nallow_lan = [\"192.168.1.5/24\"]\n");

        Assert.Equal(
            "/etc/wgagent.toml:3:14: error: killswitch.allow_lan[0]: \"192.168.1.5/24\" has host bits set: did you mean \"192.168.1.0/24\"?",
            message);
    }

    [Fact]
    public void Read_DuplicateTable_IsATomlErrorAtTheSecondHeader()
    {
        var errors = ConfigText.Errors("[killswitch]\negress = \"open\"\n\n[killswitch]\ninbound = \"open\"\n");

        var error = Assert.Single(errors);
        Assert.Equal("/etc/wgagent.toml:4:2: error: table [killswitch] is defined twice (first at 1:2)", error);
    }

    [Fact]
    public void Read_WrongType_SaysWhatWasExpectedAndFound()
    {
        var message = ConfigText.Single("[metrics]\nport = \"9586\"\n");

        Assert.Equal("/etc/wgagent.toml:2:8: error: metrics.port: expected an integer, found a string", message);
    }

    [Fact]
    public void Read_MissingQuote_IsATomlErrorOnThatLine()
    {
        var errors = ConfigText.Errors("[killswitch]\negress = tunnel\n");

        var error = Assert.Single(errors);
        Assert.StartsWith("/etc/wgagent.toml:2:10: error: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_UnterminatedString_IsATomlErrorOnThatLine()
    {
        var errors = ConfigText.Errors("[killswitch]\negress = \"tunnel\n");

        var error = Assert.Single(errors);
        Assert.StartsWith("/etc/wgagent.toml:2:", error, StringComparison.Ordinal);
        Assert.Contains("unterminated", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_BadEnumValue_ListsTheChoicesAndSuggests()
    {
        var message = ConfigText.Single("[killswitch]\negress = \"tunel\"\n");

        Assert.Equal(
            "/etc/wgagent.toml:2:10: error: killswitch.egress: \"tunel\" is not one of \"open\", \"tunnel\"\n  hint: did you mean \"tunnel\"?",
            message);
    }

    [Fact]
    public void Read_ManyMistakes_ReportsAllAtOnceInFileOrder()
    {
        var errors = ConfigText.Errors(
            "[wireguard]\ninterface = \"wg 0\"\n[killswitch]\nipv6 = \"off\"\n[metrics]\nport = 70000\n[[exporter]]\nname = \"node\"\n");

        Assert.Equal(4, errors.Count);
        Assert.StartsWith("/etc/wgagent.toml:2:13: error: wireguard.interface: ", errors[0], StringComparison.Ordinal);
        Assert.StartsWith("/etc/wgagent.toml:4:8: error: killswitch.ipv6: \"off\" is not one of \"tunnel\", \"block\"", errors[1], StringComparison.Ordinal);
        Assert.Equal("/etc/wgagent.toml:6:8: error: metrics.port: 70000 is not a port: use 1 to 65535, or 0 to turn metrics off", errors[2]);
        Assert.Equal("/etc/wgagent.toml:7:1: error: exporter[0]: missing required keys \"unit\", \"port\", \"scrapers\"", errors[3]);
    }
}
