using System.Text;
using WgAgent.Status.Http;

namespace WgAgent.Status.Tests.Protocol;

public class HttpRequestParserTests
{
    private const int Limit = 16 * 1024;

    private static HttpParseResult Parse(string text, int limit = Limit) => HttpRequestParser.Parse(Encoding.Latin1.GetBytes(text), limit);

    [Fact]
    public void Parse_SimpleGet_Complete()
    {
        var text = "GET /v1/status HTTP/1.1\r\nHost: localhost\r\nUser-Agent: curl/8\r\n\r\n";

        var result = Parse(text);

        Assert.Equal(HttpParseOutcome.Complete, result.Outcome);
        Assert.Equal(text.Length, result.Consumed);
        var head = result.Head!;
        Assert.Equal("GET", head.Method);
        Assert.Equal("/v1/status", head.Path);
        Assert.Equal("", head.Query);
        Assert.Equal(1, head.MinorVersion);
        Assert.Equal(0, head.ContentLength);
        Assert.True(head.KeepAlive);
        Assert.False(head.ExpectContinue);
        Assert.Equal([new HttpHeader("Host", "localhost"), new HttpHeader("User-Agent", "curl/8")], head.Headers);
    }

    [Theory]
    [InlineData("/v1/status?verbose=1&x", "/v1/status", "verbose=1&x")]
    [InlineData("/v1/status?", "/v1/status", "")]
    [InlineData("http://localhost/v1/status?a=b", "/v1/status", "a=b")]
    [InlineData("HTTP://localhost:80/metrics", "/metrics", "")]
    [InlineData("http://localhost", "/", "")]
    [InlineData("/v1/%73tatus", "/v1/%73tatus", "")]
    public void Parse_Target_PathAndQuery(string target, string path, string query)
    {
        var result = Parse($"GET {target} HTTP/1.1\r\n\r\n");

        Assert.Equal(HttpParseOutcome.Complete, result.Outcome);
        Assert.Equal(path, result.Head!.Path);
        Assert.Equal(query, result.Head.Query);
    }

    [Theory]
    [InlineData("GET /v1/status HTTP/1.1\r\n\r\n", true)]
    [InlineData("GET /v1/status HTTP/1.1\r\nConnection: close\r\n\r\n", false)]
    [InlineData("GET /v1/status HTTP/1.1\r\nConnection: Keep-Alive, CLOSE\r\n\r\n", false)]
    [InlineData("GET /v1/status HTTP/1.1\r\nConnection: keep-alive\r\n\r\n", true)]
    [InlineData("GET /v1/status HTTP/1.0\r\n\r\n", false)]
    [InlineData("GET /v1/status HTTP/1.0\r\nConnection: keep-alive\r\n\r\n", false)]
    public void Parse_Connection_KeepAlive(string text, bool keepAlive)
    {
        Assert.Equal(keepAlive, Parse(text).Head!.KeepAlive);
    }

    [Theory]
    [InlineData("GET /v1/status HTTP/1.1\r\nHost: x", false)]
    [InlineData("GET /v1/status HTTP/1.1\r\n\r", false)]
    [InlineData("GE", false)]
    [InlineData("", false)]
    [InlineData("\r\n", false)]
    [InlineData("\r", false)]
    [InlineData("\r\n\r\nGET / HTTP/1.1\r\n\r\n", true)]
    public void Parse_Partial_IncompleteOrComplete(string text, bool complete)
    {
        Assert.Equal(complete ? HttpParseOutcome.Complete : HttpParseOutcome.Incomplete, Parse(text).Outcome);
    }

    [Theory]
    [InlineData("GET /v1/status HTTP/1.1\r\nHost : x\r\n\r\n", 400, "malformed header field name")]
    [InlineData("GET /v1/status HTTP/1.1\r\n: x\r\n\r\n", 400, "malformed header field name")]
    [InlineData("GET /v1/status HTTP/1.1\r\nNoColon\r\n\r\n", 400, "malformed header field name")]
    [InlineData("GET /v1/status HTTP/1.1\r\nA: b\r\n c\r\n\r\n", 400, "obs-fold")]
    [InlineData("GET /v1/status HTTP/1.1\r\nA: b\0c\r\n\r\n", 400, "control character")]
    [InlineData("GET /v1/status HTTP/1.1\r\nA: b\nc\r\n\r\n", 400, "control character")]
    [InlineData("GET  /v1/status HTTP/1.1\r\n\r\n", 400, "malformed request line")]
    [InlineData("GET /v1/status\r\n\r\n", 400, "malformed request line")]
    [InlineData("GET /v1/status HTTP/1.1 \r\n\r\n", 400, "malformed request line")]
    [InlineData("GET /v1/status http/1.1\r\n\r\n", 400, "malformed request line")]
    [InlineData("GET v1/status HTTP/1.1\r\n\r\n", 400, "must be a path")]
    [InlineData("OPTIONS * HTTP/1.1\r\n\r\n", 400, "must be a path")]
    [InlineData("GET /a#b HTTP/1.1\r\n\r\n", 400, "malformed request target")]
    [InlineData("GET /a\u00e9 HTTP/1.1\r\n\r\n", 400, "malformed request target")]
    [InlineData("G(T / HTTP/1.1\r\n\r\n", 400, "malformed request line")]
    [InlineData("GET / HTTP/2.0\r\n\r\n", 505, "HTTP/2.0")]
    [InlineData("GET / HTTP/1.2\r\n\r\n", 505, "HTTP/1.2")]
    [InlineData("GET / HTTP/1.1\r\nContent-Length: -1\r\n\r\n", 400, "Content-Length")]
    [InlineData("GET / HTTP/1.1\r\nContent-Length: 1x\r\n\r\n", 400, "Content-Length")]
    [InlineData("GET / HTTP/1.1\r\nContent-Length: 1, 1\r\n\r\n", 400, "Content-Length")]
    [InlineData("GET / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n", 400, "Content-Length")]
    [InlineData("GET / HTTP/1.1\r\nContent-Length: 9999999999999999999\r\n\r\n", 400, "Content-Length")]
    [InlineData("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n", 501, "Transfer-Encoding")]
    [InlineData("POST / HTTP/1.1\r\nExpect: something-else\r\n\r\n", 417, "expectation")]
    public void Parse_Malformed_Error(string text, int status, string message)
    {
        var result = Parse(text);

        Assert.Equal(HttpParseOutcome.Error, result.Outcome);
        Assert.Equal(status, result.ErrorStatus);
        Assert.Contains(message, result.ErrorMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\u0016\u0003\u0001\u0002\u0000")] // a TLS ClientHello
    [InlineData("\0\0\0")]
    [InlineData("GET\t/")]
    public void Parse_BinaryStart_FailsBeforeTheHeadEnds(string text)
    {
        Assert.Equal(400, Parse(text).ErrorStatus);
    }

    [Fact]
    public void Parse_SameContentLengthTwice_Accepted()
    {
        var result = Parse("POST /x HTTP/1.1\r\nContent-Length: 5\r\ncontent-length: 005\r\n\r\n");

        Assert.Equal(5, result.Head!.ContentLength);
    }

    [Fact]
    public void Parse_ExpectContinue_Flagged()
    {
        Assert.True(Parse("POST /x HTTP/1.1\r\nExpect: 100-Continue\r\nContent-Length: 3\r\n\r\n").Head!.ExpectContinue);
        Assert.False(Parse("POST /x HTTP/1.0\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n").Head!.ExpectContinue);
    }

    [Fact]
    public void Parse_ValueWhitespaceAndObsText_TrimmedAndKept()
    {
        var result = Parse("GET / HTTP/1.1\r\nX-Test: \t a b\u00ff \t\r\nEmpty:\r\n\r\n");

        Assert.Equal([new HttpHeader("X-Test", "a b\u00ff"), new HttpHeader("Empty", "")], result.Head!.Headers);
    }

    [Fact]
    public void Parse_HeadAtTheLimit_Complete()
    {
        var prefix = "GET / HTTP/1.1\r\nX: ";
        var text = prefix + new string('a', 1024 - prefix.Length - 4) + "\r\n\r\n";
        Assert.Equal(1024, text.Length);

        Assert.Equal(HttpParseOutcome.Complete, Parse(text, 1024).Outcome);
        Assert.Equal(431, Parse(text.Insert(prefix.Length, "a"), 1024).ErrorStatus);
    }

    [Fact]
    public void Parse_LimitFilledWithoutHeadEnd_431()
    {
        var text = "GET / HTTP/1.1\r\nX: " + new string('a', 2000);

        Assert.Equal(HttpParseOutcome.Incomplete, Parse(text[..1023], 1024).Outcome);
        Assert.Equal(431, Parse(text[..1024], 1024).ErrorStatus);
    }

    [Fact]
    public void Parse_Pipelined_FirstOnlyAndItsLength()
    {
        var first = "GET /a HTTP/1.1\r\n\r\n";
        var second = "POST /b HTTP/1.1\r\nContent-Length: 2\r\n\r\nhi";
        var bytes = Encoding.ASCII.GetBytes(first + second);

        var one = HttpRequestParser.Parse(bytes, Limit);
        var two = HttpRequestParser.Parse(bytes.AsSpan(one.Consumed), Limit);

        Assert.Equal(("/a", first.Length), (one.Head!.Path, one.Consumed));
        Assert.Equal(("/b", 2L), (two.Head!.Path, two.Head.ContentLength));
        Assert.Equal(second.Length - 2, two.Consumed);
    }

    [Fact]
    public void Parse_TooManyLeadingEmptyLines_Error()
    {
        Assert.Equal(HttpParseOutcome.Complete, Parse("\r\n\r\n\r\n\r\nGET / HTTP/1.1\r\n\r\n").Outcome);
        Assert.Equal(400, Parse("\r\n\r\n\r\n\r\n\r\nGET / HTTP/1.1\r\n\r\n").ErrorStatus);
    }
}
