using System.Text;
using WgAgent.Status.Http;

namespace WgAgent.Status.Tests.Protocol;

public class HttpResponseWriterTests
{
    private const string Date = "Tue, 15 Nov 1994 08:12:31 GMT";

    private static string Head(HttpResponse response, bool keepAlive, string? date = Date)
    {
        var buffer = new byte[HttpResponseWriter.MaxHeadLength(response)];
        var length = HttpResponseWriter.WriteHead(buffer, response, keepAlive, date);
        return Encoding.ASCII.GetString(buffer, 0, length);
    }

    [Fact]
    public void WriteHead_KeepAlive_ExactHead()
    {
        var response = HttpResponse.Json(200, "{}"u8.ToArray());

        Assert.Equal(
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: keep-alive\r\n" +
            $"Date: {Date}\r\n\r\n",
            Head(response, keepAlive: true));
    }

    [Fact]
    public void WriteHead_CloseWithFieldsWithoutDate_ExactHead()
    {
        var response = new HttpResponse(405, "application/json", new byte[10]) { Headers = [new("Allow", "GET")] };

        Assert.Equal(
            "HTTP/1.1 405 Method Not Allowed\r\nContent-Type: application/json\r\nContent-Length: 10\r\nAllow: GET\r\n" +
            "Connection: close\r\n\r\n",
            Head(response, keepAlive: false, date: null));
    }

    [Theory]
    [InlineData("text/plain\r\nSet-Cookie: x")]
    [InlineData("text/plain\u00e9")]
    public void WriteHead_InjectedContentType_Throws(string contentType)
    {
        Assert.Throws<ArgumentException>(() => Head(new HttpResponse(200, contentType, default), true));
    }

    [Theory]
    [InlineData("X: y", "v")]
    [InlineData("X", "a\nb")]
    [InlineData("", "v")]
    public void WriteHead_InvalidField_Throws(string name, string value)
    {
        Assert.Throws<ArgumentException>(() => Head(new HttpResponse(200, "text/plain", default) { Headers = [new(name, value)] }, true));
    }

    [Fact]
    public void Error_HintAndQuotes_OneLineOfJson()
    {
        var body = Encoding.UTF8.GetString(HttpResponse.ErrorBody("uid 7 is not in group 'wgagent' \"x\"", "use sudo agentctl reload"));

        Assert.Equal("{\"error\":\"uid 7 is not in group 'wgagent' \\\"x\\\"\",\"hint\":\"use sudo agentctl reload\"}\n", body);
    }

    [Fact]
    public void Error_NoHint_Omitted()
    {
        Assert.Equal("{\"error\":\"e\"}\n", Encoding.UTF8.GetString(HttpResponse.ErrorBody("e", null)));
    }

    [Theory]
    [InlineData(204)]
    [InlineData(304)]
    [InlineData(100)]
    [InlineData(1000)]
    public void Constructor_StatusWithoutBody_Throws(int status)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new HttpResponse(status, "text/plain", default));
    }
}
