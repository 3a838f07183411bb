using System.Text;
using WgAgent.Status.Http;
using WgAgent.Status.Tests.Support;

namespace WgAgent.Status.Tests.Server;

/// <summary>The protocol over a real Unix socket, with a bare-socket client that sends exact bytes.</summary>
public class ProtocolTests
{
    [Fact]
    public async Task Get_Status_200AndKeepAlive()
    {
        await using var server = await TestServer.StartAsync();
        using var client = await server.ConnectAsync();

        var first = await client.GetAsync("/v1/status");
        var second = await client.GetAsync("/v1/killswitch");

        Assert.Equal((200, "{\"state\":\"ok\"}\n"), (first.Status, first.Body));
        Assert.Equal("HTTP/1.1 200 OK", first.StatusLine);
        Assert.Equal("application/json", first.Header("Content-Type"));
        Assert.Equal("keep-alive", first.Header("Connection"));
        Assert.EndsWith(" GMT", first.Header("Date"));
        Assert.Equal((200, "{\"match\":true}\n"), (second.Status, second.Body));
    }

    [Fact]
    public async Task Pipelined_ThreeRequestsInOneWrite_AnsweredInOrder()
    {
        await using var server = await TestServer.StartAsync();
        using var client = await server.ConnectAsync();

        await client.SendAsync(
            "GET /echo?n=1 HTTP/1.1\r\n\r\n" +
            "POST /echo HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello" +
            "GET /echo?n=3 HTTP/1.1\r\nX-Test: three\r\nConnection: close\r\n\r\n");
        var one = await client.ReadResponseAsync();
        var two = await client.ReadResponseAsync();
        var three = await client.ReadResponseAsync();

        Assert.Equal("GET /echo q=n=1 peer=0 x=", one.Body);
        Assert.Equal("hello", two.Body);
        Assert.Equal("GET /echo q=n=3 peer=0 x=three", three.Body);
        Assert.Equal(["keep-alive", "keep-alive", "close"], new[] { one, two, three }.Select(r => r.Header("Connection")));
        Assert.True(await client.WaitClosedAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Request_SplitIntoSingleBytes_Answered()
    {
        await using var server = await TestServer.StartAsync();
        using var client = await server.ConnectAsync();

        foreach (var b in Encoding.ASCII.GetBytes("GET /v1/status HTTP/1.1\r\nHost: localhost\r\n\r\n"))
        {
            await client.SendAsync(new[] { b });
        }

        Assert.Equal(200, (await client.ReadResponseAsync()).Status);
    }

    [Theory]
    [InlineData("GET /v1/status HTTP/1.1\r\nConnection: close\r\n\r\n")]
    [InlineData("GET /v1/status HTTP/1.0\r\n\r\n")]
    [InlineData("GET /v1/status HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")]
    public async Task Request_CloseOrHttp10_AnsweredThenClosed(string request)
    {
        await using var server = await TestServer.StartAsync();
        using var client = await server.ConnectAsync();

        var response = await client.RequestAsync(request);

        Assert.Equal((200, "close"), (response.Status, response.Header("Connection")));
        Assert.True(await client.WaitClosedAsync(TimeSpan.FromSeconds(5)));
    }

    [Theory]
    [InlineData("GET /v1/status HTTP/1.1\r\nBad Header: x\r\n\r\n", 400)]
    [InlineData("\u0016\u0003\u0001\u0000\u00a5\u0001\u0000", 400)]
    [InlineData("GET /v1/status HTTP/2.0\r\n\r\n", 505)]
    [InlineData("POST /echo HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n", 501)]
    public async Task Request_Malformed_ErrorJsonAndClose(string request, int status)
    {
        await using var server = await TestServer.StartAsync();
        using var client = await server.ConnectAsync();

        await client.SendAsync(Encoding.Latin1.GetBytes(request));
        var response = await client.ReadResponseAsync();

        Assert.Equal(status, response.Status);
        Assert.StartsWith("{\"error\":\"bad request: ", response.Body);
        Assert.Equal("close", response.Header("Connection"));
        Assert.True(await client.WaitClosedAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(1, server.Server.Counters.RequestErrors);
    }

    [Fact]
    public async Task Get_UnknownPath_404ListsPathsAndKeepsConnection()
    {
        await using var server = await TestServer.StartAsync();
        using var client = await server.ConnectAsync();

        var response = await client.GetAsync("/v2/status");
        var after = await client.GetAsync("/v1/status");

        Assert.Equal(404, response.Status);
        Assert.Equal(
            "{\"error\":\"no such path: /v2/status\",\"hint\":\"this API serves /boom, /echo, /v1/killswitch, /v1/reload, /v1/status\"}\n",
            response.Body);
        Assert.Equal(200, after.Status);
    }

    [Fact]
    public async Task Post_GetOnlyPath_405WithAllow()
    {
        await using var server = await TestServer.StartAsync();
        using var client = await server.ConnectAsync();

        var response = await client.RequestAsync("POST /v1/status HTTP/1.1\r\nContent-Length: 0\r\n\r\n");

        Assert.Equal((405, "GET"), (response.Status, response.Header("Allow")));
        Assert.Contains("POST is not allowed on /v1/status", response.Body);
        Assert.Equal("keep-alive", response.Header("Connection"));
    }

    [Fact]
    public async Task Post_RefusedWithUnreadBody_Closes()
    {
        await using var server = await TestServer.StartAsync();
        using var client = await server.ConnectAsync();

        var response = await client.RequestAsync("POST /nowhere HTTP/1.1\r\nContent-Length: 100\r\n\r\nonly part");

        Assert.Equal((404, "close"), (response.Status, response.Header("Connection")));
        Assert.True(await client.WaitClosedAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Get_HandlerThrows_500AndServerStaysUp()
    {
        await using var server = await TestServer.StartAsync();
        using var client = await server.ConnectAsync();

        var failed = await client.GetAsync("/boom");
        var after = await client.GetAsync("/v1/status");

        Assert.Equal(500, failed.Status);
        Assert.Equal("{\"error\":\"internal error answering GET /boom: kaboom\",\"hint\":\"see the agent's log: journalctl -u wgagent\"}\n", failed.Body);
        Assert.Equal(200, after.Status);
        Assert.Equal(1, server.Server.Counters.HandlerErrors);
    }

    [Fact]
    public async Task Post_ExpectContinue_100ThenBodyEchoed()
    {
        await using var server = await TestServer.StartAsync();
        using var client = await server.ConnectAsync();

        await client.SendAsync("POST /echo HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n");
        var interim = await client.ReadResponseAsync();
        await client.SendAsync("abc");
        var final = await client.ReadResponseAsync();

        Assert.Equal(100, interim.Status);
        Assert.Equal((200, "abc"), (final.Status, final.Body));
    }

    [Fact]
    public async Task Get_HeadOverTheLimit_431AndClose()
    {
        await using var server = await TestServer.StartAsync(HttpServerOptions.Default with { MaxRequestHeadBytes = 1024 });
        using var client = await server.ConnectAsync();

        await client.TrySendAsync(Encoding.ASCII.GetBytes("GET /v1/status HTTP/1.1\r\nX: " + new string('a', 2000) + "\r\n\r\n"));
        var response = await client.ReadResponseAsync();

        Assert.Equal(431, response.Status);
        Assert.True(await client.WaitClosedAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Idle_AfterIdleTimeout_ServerCloses()
    {
        await using var server = await TestServer.StartAsync(HttpServerOptions.Default with { IdleTimeout = TimeSpan.FromSeconds(1) });
        using var client = await server.ConnectAsync();

        Assert.Equal(200, (await client.GetAsync("/v1/status")).Status);
        var started = Environment.TickCount64;
        Assert.True(await client.WaitClosedAsync(TimeSpan.FromSeconds(5)));
        var waited = Environment.TickCount64 - started;

        Assert.InRange(waited, 800, 3000);
        Assert.Equal(0, server.Server.Counters.RequestErrors);
    }

    [Fact]
    public async Task Counters_AfterRequests_Counted()
    {
        await using var server = await TestServer.StartAsync();
        using (var client = await server.ConnectAsync())
        {
            await client.GetAsync("/v1/status");
            await client.GetAsync("/v1/status");
            await client.GetAsync("/nowhere");
        }

        // The connection's end is noticed asynchronously.
        for (var i = 0; i < 50 && server.Server.Counters.ConnectionsActive > 0; i++)
        {
            await Task.Delay(20);
        }

        Assert.Equal(new HttpServerCounters(1, 0, 0, 0, 2, 0, 1, 0), server.Server.Counters);
    }
}
