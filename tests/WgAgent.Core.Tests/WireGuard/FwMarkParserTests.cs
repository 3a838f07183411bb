using WgAgent.Core.WireGuard;

namespace WgAgent.Core.Tests.WireGuard;

public sealed class FwMarkParserTests
{
    [Theory]
    [InlineData("off", 0u)]
    [InlineData("OFF", 0u)]
    [InlineData("Off", 0u)]
    [InlineData("0", 0u)]
    [InlineData("51820", 51820u)]
    [InlineData("0xca6c", 51820u)]
    [InlineData("0xCA6C", 51820u)]
    [InlineData("0x0000ca6c", 51820u)]
    [InlineData("0xffffffff", 4294967295u)]
    [InlineData("4294967295", 4294967295u)]
    [InlineData("0x1", 1u)]
    public void TryParse_ValidMark_ReturnsTheNumber(string text, uint expected)
    {
        var ok = FwMarkParser.TryParse(text, out var mark, out var error);

        Assert.True(ok, error);
        Assert.Equal(expected, mark);
    }

    [Theory]
    [InlineData("0XCA6C")]
    [InlineData("0x")]
    [InlineData("0x1ffffffff")]
    [InlineData("4294967296")]
    [InlineData("-1")]
    [InlineData("")]
    [InlineData("on")]
    [InlineData("0xg")]
    [InlineData("ca6c")]
    [InlineData(" 1")]
    public void TryParse_InvalidMark_SaysWhatIsAccepted(string text)
    {
        var ok = FwMarkParser.TryParse(text, out var mark, out var error);

        Assert.False(ok);
        Assert.Equal(0u, mark);
        Assert.Equal($"\"{text}\" is not a firewall mark: use \"off\", a decimal number or 0x and hex digits, up to 0xffffffff", error);
    }
}
