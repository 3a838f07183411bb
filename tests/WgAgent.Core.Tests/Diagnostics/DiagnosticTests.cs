using WgAgent.Core.Diagnostics;

namespace WgAgent.Core.Tests.Diagnostics;

public sealed class DiagnosticTests
{
    [Theory]
    [InlineData(DiagnosticSeverity.Error, "killswitch.allow_lan[1]",
        "wgagent.toml:12:5: error: killswitch.allow_lan[1]: \"192.168.0.0/33\" is not a CIDR")]
    [InlineData(DiagnosticSeverity.Warning, "killswitch.allow_lan[1]",
        "wgagent.toml:12:5: warning: killswitch.allow_lan[1]: \"192.168.0.0/33\" is not a CIDR")]
    [InlineData(DiagnosticSeverity.Error, null, "wgagent.toml:12:5: error: \"192.168.0.0/33\" is not a CIDR")]
    [InlineData(DiagnosticSeverity.Error, "", "wgagent.toml:12:5: error: \"192.168.0.0/33\" is not a CIDR")]
    public void ToString_PositionedDiagnostic_RendersPathLineColumnSeverityKeyAndMessage(
        DiagnosticSeverity severity, string? keyPath, string expected)
    {
        // Arrange
        var diagnostic = new Diagnostic("wgagent.toml", 12, 5, severity, keyPath, "\"192.168.0.0/33\" is not a CIDR", "use /32");

        // Act
        var text = diagnostic.ToString();

        // Assert
        Assert.Equal(expected, text);
    }

    [Fact]
    public void ToString_WholeFileDiagnostic_OmitsLineAndColumn()
    {
        var diagnostic = new Diagnostic("/etc/wireguard/wg0.conf", 0, 0, DiagnosticSeverity.Error, null, "no [Interface] section");

        Assert.Equal("/etc/wireguard/wg0.conf: error: no [Interface] section", diagnostic.ToString());
    }

    [Fact]
    public void Format_WithHint_AddsIndentedHintLine()
    {
        var diagnostic = Diagnostic.Error("wg0.conf", new TextPosition(7, 14), "Interface.ListenPort",
            "\"70000\" is not a port (1-65535)", "WireGuard's default is 51820");

        var text = diagnostic.Format(includeHint: true);

        Assert.Equal("wg0.conf:7:14: error: Interface.ListenPort: \"70000\" is not a port (1-65535)\n  hint: WireGuard's default is 51820", text);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Format_WithoutHint_IsTheSingleLine(bool includeHint)
    {
        var diagnostic = Diagnostic.Warning("wg0.conf", new TextPosition(3, 1), "Peer[1].AllowedIPs", "missing");

        var text = diagnostic.Format(includeHint);

        Assert.Equal("wg0.conf:3:1: warning: Peer[1].AllowedIPs: missing", text);
    }

    [Fact]
    public void Format_HintRequestedFalse_LeavesHintOut()
    {
        var diagnostic = Diagnostic.Error("a", new TextPosition(1, 2), null, "bad", "do better");

        Assert.Equal("a:1:2: error: bad", diagnostic.Format(includeHint: false));
        Assert.Equal("do better", diagnostic.Hint);
    }

    [Fact]
    public void Error_Factory_SetsEveryField()
    {
        var diagnostic = Diagnostic.Error("f", new TextPosition(4, 9), "k", "m", "h");

        Assert.Equal(("f", 4, 9, DiagnosticSeverity.Error, "k", "m", "h"),
            (diagnostic.SourcePath, diagnostic.Line, diagnostic.Column, diagnostic.Severity, diagnostic.KeyPath, diagnostic.Message, diagnostic.Hint));
        Assert.True(diagnostic.IsError);
    }

    [Fact]
    public void Warning_Factory_IsNotAnError()
    {
        var diagnostic = Diagnostic.Warning("f", new TextPosition(1, 1), null, "m");

        Assert.False(diagnostic.IsError);
        Assert.Null(diagnostic.Hint);
    }

    [Fact]
    public void Equals_SameFields_AreEqual()
    {
        var first = Diagnostic.Error("f", new TextPosition(1, 2), "k", "m");
        var second = Diagnostic.Error("f", new TextPosition(1, 2), "k", "m");

        Assert.Equal(first, second);
        Assert.NotEqual(first, Diagnostic.Warning("f", new TextPosition(1, 2), "k", "m"));
    }

    [Theory]
    [InlineData(-1, 1, "ok")]
    [InlineData(1, -1, "ok")]
    [InlineData(0, 3, "ok")]
    [InlineData(1, 1, "")]
    [InlineData(1, 1, "two\nlines")]
    [InlineData(1, 1, "carriage\rreturn")]
    public void Constructor_InvalidArguments_Throws(int line, int column, string message)
    {
        Assert.ThrowsAny<ArgumentException>(() => new Diagnostic("f", line, column, DiagnosticSeverity.Error, null, message));
    }

    [Fact]
    public void Constructor_MultiLineHint_Throws()
    {
        Assert.Throws<ArgumentException>(() => new Diagnostic("f", 1, 1, DiagnosticSeverity.Error, null, "m", "a\nb"));
    }

    [Fact]
    public void TextPosition_ToString_IsLineColonColumn()
    {
        Assert.Equal("7:11", new TextPosition(7, 11).ToString());
        Assert.Equal(new TextPosition(1, 1), TextPosition.Start);
    }
}
