using System.Net.Sockets;
using System.Text;
using WgAgent.Status.Http;

namespace WgAgent.Status.Tests.Support;

/// <summary>
/// A server on a Unix socket in a fresh temporary directory (mode 0711, so other users can reach the socket and only
/// its own mode decides), with the routes the daemon will have and a few for tests. Stopped and removed on dispose.
/// </summary>
internal sealed class TestServer : IAsyncDisposable
{
    public static readonly byte[] StatusBody = Encoding.UTF8.GetBytes("{\"state\":\"ok\"}\n");

    private readonly DirectoryInfo directory;

    private TestServer(DirectoryInfo directory, HttpServer server, string socketPath)
    {
        this.directory = directory;
        Server = server;
        SocketPath = socketPath;
    }

    public HttpServer Server { get; }

    /// <summary>What the server logged (all servers of the test run).</summary>
    public static TestLogger Logger { get; } = new();

    public string SocketPath { get; }

    public UnixDomainSocketEndPoint EndPoint => new(SocketPath);

    /// <summary>How many times POST /v1/reload ran.</summary>
    public static int Reloads => reloads;

    private static int reloads;

    public static HttpRoutes DefaultRoutes() => new HttpRoutes()
        .MapGet("/v1/status", (_, _) => ValueTask.FromResult(HttpResponse.Json(200, StatusBody)))
        .MapGet("/v1/killswitch", (_, _) => ValueTask.FromResult(HttpResponse.Json(200, "{\"match\":true}\n"u8.ToArray())))
        .MapPost("/v1/reload", (_, _) =>
        {
            Interlocked.Increment(ref reloads);
            return ValueTask.FromResult(HttpResponse.Json(200, "{\"reloaded\":true}\n"u8.ToArray()));
        })
        .MapGet("/echo", (request, _) => ValueTask.FromResult(HttpResponse.Text(200,
            $"{request.Method} {request.Path} q={request.Query} peer={request.Peer?.UserId} x={request.GetHeader("X-Test")}")))
        .MapPost("/echo", (request, _) => ValueTask.FromResult(new HttpResponse(200, "application/octet-stream", request.Body)))
        .MapGet("/boom", (_, _) => throw new InvalidOperationException("kaboom"));

    public static async Task<TestServer> StartAsync(HttpServerOptions? options = null, HttpRoutes? routes = null)
    {
        Root.Require();
        TestGroup.Require();
        var directory = Directory.CreateTempSubdirectory("wgagent-status-");
        directory.UnixFileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        var path = Path.Combine(directory.FullName, "agent.sock");
        var server = new HttpServer(new UnixDomainSocketEndPoint(path), routes ?? DefaultRoutes(),
            (options ?? HttpServerOptions.Default) with { SocketGroup = TestGroup.Name }, Logger);
        try
        {
            await server.StartAsync();
        }
        catch
        {
            directory.Delete(recursive: true);
            throw;
        }

        return new TestServer(directory, server, path);
    }

    public async Task<RawClient> ConnectAsync() => await RawClient.ConnectAsync(EndPoint);

    public async ValueTask DisposeAsync()
    {
        await Server.StopAsync(TimeSpan.FromSeconds(5));
        directory.Delete(recursive: true);
    }
}
