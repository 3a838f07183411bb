using System.Text;
using AgentCtl.Client;

namespace WgAgent.Cli.Tests.Client;

/// <summary>agentctl's reading of a response head (pure): what the daemon sends, and what it must refuse.</summary>
public sealed class ResponseHeadTests
{
    [Theory]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 12\r\nConnection: close\r\n\r\n{}", 200, 12L)]
    [InlineData("HTTP/1.1 503 Service Unavailable\r\ncontent-length: 0\r\n\r\n", 503, 0L)]
    [InlineData("HTTP/1.1 200 \r\n\r\n", 200, null)]
    [InlineData("HTTP/1.0 404\r\nX-Odd:value\r\nContent-Length:  3 \r\n\r\nabc", 404, 3L)]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 5\r\n\r\n", 200, 5L)]
    public void TryParse_CompleteHead_StatusLengthAndBodyStart(string text, int status, long? length)
    {
        var bytes = Encoding.ASCII.GetBytes(text);

        Assert.True(ResponseHead.TryParse(bytes, out var head, out var error), error);

        Assert.Equal(status, head!.StatusCode);
        Assert.Equal(length, head.ContentLength);
        Assert.Equal(text.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4, head.Length);
    }

    [Theory]
    [InlineData("")]
    [InlineData("HTTP/1.1 200 OK\r\n")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r")]
    public void TryParse_Incomplete_FalseWithoutError(string text)
    {
        Assert.False(ResponseHead.TryParse(Encoding.ASCII.GetBytes(text), out var head, out var error));
        Assert.Null(head);
        Assert.Null(error);
    }

    [Theory]
    [InlineData("SSH-2.0-OpenSSH_9.2\r\n\r\n", "bad status line")]
    [InlineData("HTTP/1.1 20 OK\r\n\r\n", "bad status line")]
    [InlineData("HTTP/1.1 2000 OK\r\n\r\n", "bad status line")]
    [InlineData("HTTP/2 200\r\n\r\n", "bad status line")]
    [InlineData("HTTP/1.1 200 OK\r\nno colon here\r\n\r\n", "bad header field")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n", "bad Content-Length")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 1x\r\n\r\n", "bad Content-Length")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n", "bad Content-Length")]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n", "unexpected Transfer-Encoding")]
    public void TryParse_Malformed_FalseWithTheReason(string text, string reason)
    {
        Assert.False(ResponseHead.TryParse(Encoding.ASCII.GetBytes(text), out var head, out var error));
        Assert.Null(head);
        Assert.StartsWith(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_EndlessHead_FalseWithError()
    {
        var bytes = Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\n" + new string('x', ResponseHead.MaxLength));

        Assert.False(ResponseHead.TryParse(bytes, out _, out var error));
        Assert.Contains("longer than", error, StringComparison.Ordinal);
    }
}
