using System.Diagnostics;
using System.Text;
using AgentCtl.Client;

namespace WgAgent.Cli.Tests.Client;

/// <summary>agentctl's HTTP/1.1 client against a real Unix socket whose answers the test scripts.</summary>
public sealed class AgentClientTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    [Fact]
    public void Get_Answer_StatusAndBodyAndTheRequestSent()
    {
        const string Body = "{\"state\": \"ok\"}\n";
        using var server = new ScriptedServer(ScriptedServer.Answer(
            $"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {Body.Length}\r\nConnection: close\r\n\r\n{Body}"));

        var response = new AgentClient(server.SocketPath, Timeout).Get("/v1/status");

        Assert.Equal((200, Body), (response.StatusCode, response.Body));
        Assert.Equal("GET /v1/status HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", server.Requests.Single());
    }

    [Fact]
    public void Post_EmptyBody_SaysContentLengthZero()
    {
        using var server = new ScriptedServer(ScriptedServer.Answer("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}"));

        var response = new AgentClient(server.SocketPath, Timeout).Post("/v1/reload");

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("POST /v1/reload HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Length: 0\r\n\r\n", server.Requests.Single());
    }

    [Fact]
    public void Get_AnswerInPiecesAndMultibyte_ReadToItsLength()
    {
        var body = "{\"message\": \"" + new string('é', 20_000) + "\"}";
        var bytes = Encoding.UTF8.GetBytes(body);
        using var server = new ScriptedServer(connection =>
        {
            connection.Send(Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-"));
            Thread.Sleep(20);
            connection.Send(Encoding.ASCII.GetBytes($"Length: {bytes.Length}\r\n\r\n"));
            connection.Send(bytes.AsSpan(0, 7));
            Thread.Sleep(20);
            connection.Send(bytes.AsSpan(7));
        });

        var response = new AgentClient(server.SocketPath, Timeout).Get("/v1/status");

        Assert.Equal(body, response.Body);
    }

    [Fact]
    public void Get_NoContentLength_BodyRunsToTheClose()
    {
        using var server = new ScriptedServer(ScriptedServer.Answer("HTTP/1.1 500 Internal Server Error\r\n\r\nsomething broke\n"));

        var response = new AgentClient(server.SocketPath, Timeout).Get("/v1/status");

        Assert.Equal((500, "something broke\n"), (response.StatusCode, response.Body));
    }

    [Fact]
    public void Get_BusyTwice_RetriedUntilAnswered()
    {
        const string Busy = "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n\r\n";
        using var server = new ScriptedServer(ScriptedServer.Answer(Busy), ScriptedServer.Answer(Busy), ScriptedServer.Answer("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}"));

        var response = new AgentClient(server.SocketPath, Timeout).Get("/v1/status");

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public void Get_NoSuchSocket_UnreachableWithAHint()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"agentctl-missing-{Guid.NewGuid():N}.sock");

        var e = Assert.Throws<AgentUnreachableException>(() => new AgentClient(missing, Timeout).Get("/v1/status"));

        Assert.Equal($"cannot reach wgagent at {missing}: no such socket", e.Message);
        Assert.Contains("systemctl status wgagent", e.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Get_ClosedWithoutAnswer_Unreachable()
    {
        using var server = new ScriptedServer(_ => { });

        var e = Assert.Throws<AgentUnreachableException>(() => new AgentClient(server.SocketPath, Timeout).Get("/v1/status"));

        Assert.Contains("closed the connection without an answer", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Get_ShortBody_Unreachable()
    {
        using var server = new ScriptedServer(ScriptedServer.Answer("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n{}"));

        var e = Assert.Throws<AgentUnreachableException>(() => new AgentClient(server.SocketPath, Timeout).Get("/v1/status"));

        Assert.Contains("after 2 of 10 bytes", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Get_NotHttp_Unreachable()
    {
        using var server = new ScriptedServer(ScriptedServer.Answer("SSH-2.0-OpenSSH_9.2\r\n\r\n"));

        var e = Assert.Throws<AgentUnreachableException>(() => new AgentClient(server.SocketPath, Timeout).Get("/v1/status"));

        Assert.StartsWith("the answer is not HTTP/1.1: bad status line", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Get_NoAnswerInTime_UnreachableAfterTheTimeout()
    {
        using var release = new ManualResetEventSlim();
        using var server = new ScriptedServer(_ => release.Wait(TimeSpan.FromSeconds(10)));
        var limit = TimeSpan.FromMilliseconds(300);
        var clock = Stopwatch.StartNew();

        var e = Assert.Throws<AgentUnreachableException>(() => new AgentClient(server.SocketPath, limit).Get("/v1/status"));
        release.Set();

        Assert.StartsWith("no answer within", e.Reason, StringComparison.Ordinal);
        Assert.InRange(clock.Elapsed, limit - TimeSpan.FromMilliseconds(20), TimeSpan.FromSeconds(3));
    }
}
