using System.Net.Sockets;
using WgAgent.Status.Http;
using WgAgent.Status.Tests.Support;

namespace WgAgent.Status.Tests.Server;

/// <summary>The graceful stop: in-flight requests finish, idle connections close, nothing new gets in, the file goes.</summary>
public class StopTests
{
    private static HttpRoutes SlowRoutes(TaskCompletionSource entered, TimeSpan delay, bool honourToken) =>
        TestServer.DefaultRoutes().MapGet("/slow", async (_, token) =>
        {
            entered.TrySetResult();
            await Task.Delay(delay, honourToken ? token : CancellationToken.None);
            return HttpResponse.Text(200, "slow done");
        });

    [Fact]
    public async Task Stop_SlowHandlerInFlight_CompletesWithConnectionClose()
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await TestServer.StartAsync(routes: SlowRoutes(entered, TimeSpan.FromSeconds(1), honourToken: true));
        using var busy = await server.ConnectAsync();
        using var idle = await server.ConnectAsync();
        Assert.Equal(200, (await idle.GetAsync("/v1/status")).Status);
        await busy.SendAsync("GET /slow HTTP/1.1\r\n\r\n");
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(5));

        var stopping = server.Server.StopAsync(TimeSpan.FromSeconds(10));
        var idleClosed = await idle.WaitClosedAsync(TimeSpan.FromSeconds(1));
        var fileGone = !File.Exists(server.SocketPath);
        var connect = await Assert.ThrowsAnyAsync<SocketException>(() => RawClient.ConnectAsync(server.EndPoint));
        var response = await busy.ReadResponseAsync();
        await stopping.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.True(idleClosed, "an idle keep-alive connection is closed at once");
        Assert.True(fileGone, "the socket file is removed at once");
        Assert.Equal(SocketError.AddressNotAvailable, connect.SocketErrorCode); // ENOENT
        Assert.Equal((200, "slow done", "close"), (response.Status, response.Body, response.Header("Connection")));
        Assert.True(await busy.WaitClosedAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Stop_HandlerOutlastsTheTimeout_CancelledAndStopBounded()
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await TestServer.StartAsync(routes: SlowRoutes(entered, Timeout.InfiniteTimeSpan, honourToken: true));
        using var client = await server.ConnectAsync();
        await client.SendAsync("GET /slow HTTP/1.1\r\n\r\n");
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(5));
        var started = Environment.TickCount64;

        await server.Server.StopAsync(TimeSpan.FromMilliseconds(300)).WaitAsync(TimeSpan.FromSeconds(5));

        Assert.InRange(Environment.TickCount64 - started, 250, 1500);
        Assert.True(await client.WaitClosedAsync(TimeSpan.FromSeconds(2)));
        Assert.Equal(0, server.Server.Counters.ConnectionsActive);
    }

    [Fact]
    public async Task Stop_HandlerIgnoresItsToken_StopStillBoundedAndClientClosed()
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await TestServer.StartAsync(routes: SlowRoutes(entered, TimeSpan.FromSeconds(20), honourToken: false));
        using var client = await server.ConnectAsync();
        await client.SendAsync("GET /slow HTTP/1.1\r\n\r\n");
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(5));
        var started = Environment.TickCount64;

        await server.Server.StopAsync(TimeSpan.FromMilliseconds(300)).WaitAsync(TimeSpan.FromSeconds(5));

        // The stop's time plus the one-second grace for aborted connections; the client is closed on the abort.
        Assert.InRange(Environment.TickCount64 - started, 250, 2500);
        Assert.True(await client.WaitClosedAsync(TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task Stop_Twice_SameTaskAndNoError()
    {
        var server = await TestServer.StartAsync();

        var first = server.Server.StopAsync(TimeSpan.FromSeconds(1));
        var second = server.Server.StopAsync(TimeSpan.FromSeconds(1));
        await first;

        Assert.Same(first, second);
        await server.DisposeAsync();
    }

    [Fact]
    public async Task Stop_NeverStarted_NoOp()
    {
        var server = new HttpServer(new UnixDomainSocketEndPoint("/nonexistent/agent.sock"), new HttpRoutes());

        await server.StopAsync(TimeSpan.FromSeconds(1));

        await Assert.ThrowsAsync<InvalidOperationException>(() => server.StartAsync());
    }
}
