using System.Net;
using WgAgent.Status.Http;
using WgAgent.Status.Tests.Support;

namespace WgAgent.Status.Tests.Server;

/// <summary>
/// The metrics endpoint: an IP address and port, reads only, and IP_FREEBIND so it can be bound before the WireGuard
/// address exists. Binding a listener to an address the host lacks changes nothing in the machine's namespace; adding
/// the address happens only in a scratch namespace.
/// </summary>
public class IpEndpointTests
{
    // TEST-NET-2 and the IPv6 documentation prefix (RFC 5737, RFC 3849): not this host's addresses.
    private static readonly IPAddress AbsentV4 = IPAddress.Parse("198.51.100.77");
    private static readonly IPAddress AbsentV6 = IPAddress.Parse("2001:db8::77");

    private static HttpRoutes Metrics() => new HttpRoutes()
        .MapGet("/metrics", (request, _) => ValueTask.FromResult(HttpResponse.Text(200,
            $"wgagent_up 1\n# from {((IPEndPoint)request.RemoteEndPoint!).Address} peer={request.Peer is null}\n",
            "text/plain; version=0.0.4; charset=utf-8")))
        .MapPost("/metrics", (_, _) => ValueTask.FromResult(HttpResponse.Text(200, "must not run")));

    [Fact]
    public async Task Get_Loopback_MetricsAndPostRefused()
    {
        await using var server = new HttpServer(new IPEndPoint(IPAddress.Loopback, 0), Metrics());
        await server.StartAsync();
        using var client = await RawClient.ConnectAsync(server.LocalEndPoint);

        var get = await client.GetAsync("/metrics");
        var post = await client.RequestAsync("POST /metrics HTTP/1.1\r\nContent-Length: 0\r\n\r\n");

        Assert.Equal((200, "text/plain; version=0.0.4; charset=utf-8"), (get.Status, get.Header("Content-Type")));
        Assert.Equal("wgagent_up 1\n# from 127.0.0.1 peer=True\n", get.Body);
        Assert.Equal(403, post.Status);
        Assert.Equal("{\"error\":\"POST /metrics is not accepted over the network\",\"hint\":\"changes are accepted only over the local Unix socket, from root (sudo agentctl reload)\"}\n", post.Body);
    }

    [Theory]
    [InlineData("198.51.100.77")]
    [InlineData("2001:db8::77")]
    public async Task Start_AbsentAddressWithoutFreeBind_ClearError(string address)
    {
        await using var server = new HttpServer(new IPEndPoint(IPAddress.Parse(address), 0), Metrics());

        var error = await Assert.ThrowsAsync<IOException>(() => server.StartAsync());

        Assert.Contains("Cannot assign requested address (the address is not on this host; FreeBind allows binding before it appears)", error.Message);
    }

    [Fact]
    public async Task Start_AbsentAddressesWithFreeBind_Listening()
    {
        var options = HttpServerOptions.Default with { FreeBind = true };
        await using var v4 = new HttpServer(new IPEndPoint(AbsentV4, 0), Metrics(), options);
        await using var v6 = new HttpServer(new IPEndPoint(AbsentV6, 0), Metrics(), options);

        await v4.StartAsync();
        await v6.StartAsync();

        Assert.Equal(AbsentV4, ((IPEndPoint)v4.LocalEndPoint).Address);
        Assert.Equal(AbsentV6, ((IPEndPoint)v6.LocalEndPoint).Address);
        Assert.NotEqual(0, ((IPEndPoint)v4.LocalEndPoint).Port);
    }

    [Fact]
    public async Task FreeBind_AddressAddedAfterTheBind_ServesInTheNamespace()
    {
        await using var scratch = await Scratch.CreateAsync();
        var options = HttpServerOptions.Default with { FreeBind = true, NetworkNamespacePath = scratch.Path };
        await using var server = new HttpServer(new IPEndPoint(IPAddress.Parse("10.77.0.1"), 9586), Metrics(), options);

        await server.StartAsync(); // wg0's address does not exist yet
        await scratch.IpAsync("address", "add", "10.77.0.1/32", "dev", "lo");
        var curl = await scratch.ExecAsync(["curl", "-sS", "--max-time", "10", "http://10.77.0.1:9586/metrics"]);
        var inScratch = await scratch.ExecAsync(["ss", "-Hltn", "sport = :9586"]);
        var inRoot = await Run.CheckedAsync("ss", "-Hltn", "sport = :9586");

        Assert.Equal("wgagent_up 1\n# from 10.77.0.1 peer=True\n", curl.Stdout);
        Assert.Contains("10.77.0.1:9586", inScratch.Stdout);
        Assert.DoesNotContain("10.77.0.1", inRoot.StandardOutput); // the listener lives in the namespace only
    }
}
