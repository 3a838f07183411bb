using WgAgent.Core.Net;

namespace WgAgent.Core.Tests.Net;

public sealed class PortNumberTests
{
    [Theory]
    [InlineData("1", 1)]
    [InlineData("22", 22)]
    [InlineData("51820", 51820)]
    [InlineData("65535", 65535)]
    [InlineData("09100", 9100)]
    public void TryParse_ValidPort_ReturnsIt(string text, int expected)
    {
        var ok = PortNumber.TryParse(text, out var port, out var error);

        Assert.True(ok, error);
        Assert.Equal(expected, port);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("65536")]
    [InlineData("70000")]
    [InlineData("99999999999")]
    [InlineData("000080")]
    [InlineData("-1")]
    [InlineData("+80")]
    [InlineData(" 80")]
    [InlineData("80 ")]
    [InlineData("")]
    [InlineData("80a")]
    [InlineData("0x50")]
    [InlineData("ssh")]
    [InlineData("٨٠")]
    public void TryParse_NotAPort_SaysTheRange(string text)
    {
        var ok = PortNumber.TryParse(text, out var port, out var error);

        Assert.False(ok);
        Assert.Equal(0, port);
        Assert.Equal($"\"{text}\" is not a port (1-65535)", error);
    }

    [Theory]
    [InlineData(0, "0 is not a port (1-65535)")]
    [InlineData(-5, "-5 is not a port (1-65535)")]
    [InlineData(65536, "65536 is not a port (1-65535)")]
    [InlineData(70000, "70000 is not a port (1-65535)")]
    public void TryValidate_OutOfRange_SaysTheRange(long value, string expected)
    {
        Assert.False(PortNumber.TryValidate(value, out var error));
        Assert.Equal(expected, error);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(9100)]
    [InlineData(65535)]
    public void TryValidate_InRange_Succeeds(long value)
    {
        Assert.True(PortNumber.TryValidate(value, out var error));
        Assert.Null(error);
        Assert.True(PortNumber.IsValid(value));
    }
}
