using System.Net.Sockets;
using WgAgent.Status.Http;
using WgAgent.Status.Tests.Support;

namespace WgAgent.Status.Tests.Server;

/// <summary>The socket file: stale ones replaced, others' files and live sockets left alone, group and mode set.</summary>
public sealed class SocketFileTests : IDisposable
{
    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("wgagent-sockfile-");

    private string SocketPath => Path.Combine(directory.FullName, "agent.sock");

    public void Dispose() => directory.Delete(recursive: true);

    private HttpServer NewServer(string? group = TestGroup.Name) =>
        new(new UnixDomainSocketEndPoint(SocketPath), TestServer.DefaultRoutes(), HttpServerOptions.Default with { SocketGroup = group });

    [Fact]
    public async Task Start_SocketFile_Mode0660AndGroup()
    {
        Root.Require();
        await using var server = NewServer();

        await server.StartAsync();
        var stat = await Run.CheckedAsync("stat", "-c", "%F %a %U %G", SocketPath);

        Assert.Equal($"socket 660 root {TestGroup.Name}", stat.StandardOutput.Trim());
    }

    [Fact]
    public async Task Start_StaleSocketFile_Replaced()
    {
        // A socket bound outside .NET's Socket.Bind (which unlinks on dispose): closing leaves the file, like a crash.
        WgAgent.Interop.Libc.BindUnixSocket(SocketPath).Dispose();
        Assert.Equal("socket", (await Run.CheckedAsync("stat", "-c", "%F", SocketPath)).StandardOutput.Trim());

        await using var server = NewServer();
        await server.StartAsync();
        using var client = await RawClient.ConnectAsync(new UnixDomainSocketEndPoint(SocketPath));

        Assert.Equal(200, (await client.GetAsync("/v1/status")).Status);
    }

    [Fact]
    public async Task Start_RegularFileInTheWay_RefusesAndKeepsIt()
    {
        await File.WriteAllTextAsync(SocketPath, "precious");
        await using var server = NewServer();

        var error = await Assert.ThrowsAsync<IOException>(() => server.StartAsync());

        Assert.Equal($"{SocketPath} exists and is not a socket; refusing to replace it", error.Message);
        Assert.Equal("precious", await File.ReadAllTextAsync(SocketPath));
    }

    [Fact]
    public async Task Start_LiveServerOnPath_RefusesAndLeavesItServing()
    {
        await using var first = NewServer();
        await first.StartAsync();
        await using var second = NewServer();

        var error = await Assert.ThrowsAsync<IOException>(() => second.StartAsync());
        using var client = await RawClient.ConnectAsync(new UnixDomainSocketEndPoint(SocketPath));

        Assert.Contains("is in use: another process accepts connections on it", error.Message);
        Assert.Equal(200, (await client.GetAsync("/v1/status")).Status);
    }

    [Fact]
    public async Task Start_MissingGroup_ClearErrorAndNoFile()
    {
        await using var server = NewServer("wgagent-no-such-group");

        var error = await Assert.ThrowsAsync<IOException>(() => server.StartAsync());

        Assert.Equal(
            "the socket group 'wgagent-no-such-group' does not exist: create it (the package does: groupadd --system wgagent-no-such-group) or change [status] group",
            error.Message);
        Assert.False(File.Exists(SocketPath));
    }

    [Fact]
    public async Task Start_AbstractName_Refused()
    {
        await using var server = new HttpServer(new UnixDomainSocketEndPoint("\0wgagent-test"), TestServer.DefaultRoutes());

        var error = await Assert.ThrowsAsync<IOException>(() => server.StartAsync());

        Assert.StartsWith("the status socket must be a file path", error.Message);
    }

    [Fact]
    public async Task Stop_SocketFile_Removed()
    {
        var server = NewServer();
        await server.StartAsync();

        await server.StopAsync(TimeSpan.FromSeconds(1));

        Assert.False(File.Exists(SocketPath));
    }

    [Fact]
    public async Task Stop_FileReplacedByAnother_LeftAlone()
    {
        var server = NewServer();
        await server.StartAsync();
        File.Delete(SocketPath);
        await File.WriteAllTextAsync(SocketPath, "someone else's");

        await server.StopAsync(TimeSpan.FromSeconds(1));

        Assert.True(File.Exists(SocketPath));
    }
}
