using WgAgent.Status.Http;
using WgAgent.Status.Tests.Support;

namespace WgAgent.Status.Tests.Server;

/// <summary>At the cap: the longest-idle keep-alive connection makes room; with none idle, 503 and close.</summary>
public class ConnectionCapTests
{
    [Fact]
    public async Task Connect_AtCapWithIdleConnections_OldestIdleEvictedNewServed()
    {
        await using var server = await TestServer.StartAsync(HttpServerOptions.Default with { MaxConnections = 2 });
        using var oldest = await server.ConnectAsync();
        Assert.Equal(200, (await oldest.GetAsync("/v1/status")).Status);
        await Task.Delay(50);
        using var newer = await server.ConnectAsync();
        Assert.Equal(200, (await newer.GetAsync("/v1/status")).Status);

        using var third = await server.ConnectAsync();
        var response = await third.GetAsync("/v1/status");

        Assert.Equal(200, response.Status);
        Assert.True(await oldest.WaitClosedAsync(TimeSpan.FromSeconds(2)), "the oldest idle connection is closed");
        Assert.Equal(200, (await newer.GetAsync("/v1/status")).Status);
        Assert.Equal((1, 0), (server.Server.Counters.ConnectionsEvicted, server.Server.Counters.ConnectionsRefused));
    }

    [Fact]
    public async Task Connect_AtCapWithNoneIdle_503RetryAfterAndClose()
    {
        await using var server = await TestServer.StartAsync(HttpServerOptions.Default with { MaxConnections = 1 });
        using var busy = await server.ConnectAsync();
        await busy.SendAsync("GET /v1/status HTTP/1.1\r\n"); // mid-request: not evictable

        // The accept loop takes connections in the order they queued: the first is admitted before this one.
        using var second = await server.ConnectAsync();
        var refused = await second.ReadResponseAsync();

        Assert.Equal((503, "1", "close"), (refused.Status, refused.Header("Retry-After"), refused.Header("Connection")));
        Assert.Equal("{\"error\":\"too many connections (at most 1)\",\"hint\":\"retry in a moment\"}\n", refused.Body);
        Assert.True(await second.WaitClosedAsync(TimeSpan.FromSeconds(2)));
        await busy.SendAsync("\r\n");
        Assert.Equal(200, (await busy.ReadResponseAsync()).Status);
    }
}
