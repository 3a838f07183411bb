using System.Text;
using WgAgent.Status.Http;
using WgAgent.Status.Tests.Support;
using Xunit.Abstractions;

namespace WgAgent.Status.Tests.Server;

/// <summary>The bounds: a thousand connections, a 1 MB request, a client that sends a byte a second. The server stays
/// up, others are served, memory stays bounded.</summary>
[Collection(SerialCollection.Name)]
public class BoundsTests(ITestOutputHelper output)
{
    private const int Clients = 1000;
    private const long MemoryBound = 64L * 1024 * 1024;
    private static readonly byte[] Get = Encoding.ASCII.GetBytes("GET /v1/status HTTP/1.1\r\nHost: localhost\r\n\r\n");

    [Fact]
    public async Task ThousandConnections_KeepAliveClients_ServedOrRefusedAndOthersStillServed()
    {
        FileLimit.EnsureAtLeast(8192);
        await using var server = await TestServer.StartAsync();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var clients = new RawClient?[Clients];
        try
        {
            var statuses = await Task.WhenAll(Enumerable.Range(0, Clients).Select(async i =>
            {
                try
                {
                    clients[i] = await RawClient.ConnectAsync(server.EndPoint);
                    await clients[i]!.TrySendAsync(Get);
                    return (await clients[i]!.ReadResponseAsync()).Status;
                }
                catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException)
                {
                    output.WriteLine($"client {i}: {e.GetType().Name}: {e.Message}");
                    return -1;
                }
            }));

            // All thousand client sockets are still open here.
            var during = GC.GetTotalMemory(forceFullCollection: true);
            var curl = await Run.CheckedAsync("curl", "-sS", "--max-time", "10", "--unix-socket", server.SocketPath, "http://localhost/v1/status");
            var counters = server.Server.Counters;
            output.WriteLine($"statuses: {string.Join(", ", statuses.CountBy(s => s).OrderBy(p => p.Key).Select(p => $"{p.Key}×{p.Value}"))}");
            output.WriteLine($"counters: {counters}");
            output.WriteLine($"GC heap: {before / 1024} KiB before, {during / 1024} KiB with {Clients} client connections open (+{(during - before) / 1024} KiB, test clients included); RSS {Environment.WorkingSet / 1024 / 1024} MiB");

            Assert.All(statuses, s => Assert.Contains(s, new[] { 200, 503 }));
            Assert.True(statuses.Count(s => s == 200) >= server.Server.Options.MaxConnections);
            Assert.Equal("{\"state\":\"ok\"}\n", curl.StandardOutput);
            Assert.InRange(counters.ConnectionsActive, 0, server.Server.Options.MaxConnections + 1);
            Assert.Equal(Clients + 1, counters.ConnectionsAccepted + counters.ConnectionsRefused);
            Assert.InRange(during - before, long.MinValue, MemoryBound);
        }
        finally
        {
            foreach (var client in clients)
            {
                client?.Dispose();
            }
        }
    }

    [Fact]
    public async Task ThousandConnections_HalfSentHeads_RefusedOrTimedOutThenServedAgain()
    {
        FileLimit.EnsureAtLeast(8192);
        var options = HttpServerOptions.Default with { HeaderTimeout = TimeSpan.FromSeconds(2) };
        await using var server = await TestServer.StartAsync(options);
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var clients = new RawClient?[Clients];
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var connected = 0;
        try
        {
            var responses = Task.WhenAll(Enumerable.Range(0, Clients).Select(async i =>
            {
                try
                {
                    clients[i] = await RawClient.ConnectAsync(server.EndPoint);
                    await clients[i]!.TrySendAsync("GET /v1/status HTTP/1.1\r\nHost: loc"u8.ToArray());
                    if (Interlocked.Increment(ref connected) == Clients)
                    {
                        held.TrySetResult();
                    }

                    return (await clients[i]!.ReadResponseAsync()).Status;
                }
                catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException)
                {
                    held.TrySetResult();
                    return -1;
                }
            }));

            // Worst case for memory: every admitted connection holds a request buffer, the rest were refused.
            await held.Task.WaitAsync(TimeSpan.FromSeconds(10));
            var during = GC.GetTotalMemory(forceFullCollection: true);
            var meanwhile = await Run.CommandAsync("curl", "-sS", "--max-time", "10", "--unix-socket", server.SocketPath, "-w", "\n%{http_code}",
                "http://localhost/v1/status");
            var statuses = await responses.WaitAsync(TimeSpan.FromSeconds(20));
            var after = await Run.CheckedAsync("curl", "-sS", "--max-time", "10", "--unix-socket", server.SocketPath, "http://localhost/v1/status");
            var counters = server.Server.Counters;
            output.WriteLine($"statuses: {string.Join(", ", statuses.CountBy(s => s).OrderBy(p => p.Key).Select(p => $"{p.Key}×{p.Value}"))}");
            output.WriteLine($"a request meanwhile: {meanwhile.StandardOutput.Replace('\n', ' ')}");
            output.WriteLine($"counters: {counters}");
            output.WriteLine($"GC heap: {before / 1024} KiB before, {during / 1024} KiB with {Clients} half-sent requests (+{(during - before) / 1024} KiB, test clients included); RSS {Environment.WorkingSet / 1024 / 1024} MiB");

            // 256 admitted and held until the header timeout (408), the rest refused at once (503).
            Assert.Equal(options.MaxConnections, statuses.Count(s => s == 408));
            Assert.Equal(Clients - options.MaxConnections, statuses.Count(s => s == 503));
            Assert.EndsWith("503", meanwhile.StandardOutput); // all slots busy with requests: a clear refusal, not a hang
            Assert.Equal("{\"state\":\"ok\"}\n", after.StandardOutput);
            Assert.InRange(during - before, long.MinValue, MemoryBound);
        }
        finally
        {
            foreach (var client in clients)
            {
                client?.Dispose();
            }
        }
    }

    [Fact]
    public async Task Request_OneMegabyteBody_413CloseAndOthersServed()
    {
        await using var server = await TestServer.StartAsync();
        using var large = await server.ConnectAsync();
        using var other = await server.ConnectAsync();

        await large.SendAsync($"POST /echo HTTP/1.1\r\nHost: localhost\r\nContent-Length: {1024 * 1024}\r\n\r\n");
        var sending = large.TrySendAsync(new byte[1024 * 1024]); // may fail with EPIPE once the server closed: fine
        var response = await large.ReadResponseAsync();
        var closed = await large.WaitClosedAsync(TimeSpan.FromSeconds(5));
        await sending.WaitAsync(TimeSpan.FromSeconds(10));
        var served = await other.GetAsync("/v1/status");

        Assert.Equal((413, "close"), (response.Status, response.Header("Connection")));
        Assert.Equal("{\"error\":\"the request body of 1048576 bytes exceeds the limit of 65536\"}\n", response.Body);
        Assert.True(closed);
        Assert.Equal(200, served.Status);
    }

    [Fact]
    public async Task Curl_OneMegabyteBody_413()
    {
        await using var server = await TestServer.StartAsync();
        var file = Path.Combine(Path.GetDirectoryName(server.SocketPath)!, "large.bin");
        await File.WriteAllBytesAsync(file, new byte[1024 * 1024]);

        var result = await Run.CommandAsync("curl", "-sS", "--max-time", "10", "--unix-socket", server.SocketPath, "--data-binary", "@" + file,
            "-w", "\n%{http_code}", "http://localhost/echo");

        output.WriteLine($"curl exit {result.ExitCode}: {result.StandardOutput} {result.StandardError}");
        Assert.EndsWith("\n413", result.StandardOutput);
    }

    [Fact]
    public async Task SlowClient_OneByteASecond_CutOffAfterHeaderTimeoutWhileOthersServed()
    {
        await using var server = await TestServer.StartAsync(); // the default header timeout: 5 s
        using var slow = await server.ConnectAsync();
        using var other = await server.ConnectAsync();
        using var stop = new CancellationTokenSource();
        var started = Environment.TickCount64;
        var trickle = Task.Run(async () =>
        {
            foreach (var b in Get)
            {
                if (!await slow.TrySendAsync(new[] { b }))
                {
                    return;
                }

                await Task.Delay(1000, stop.Token).ContinueWith(_ => { });
                if (stop.IsCancellationRequested)
                {
                    return;
                }
            }
        });

        var served = 0;
        var responseTask = slow.ReadResponseAsync(TimeSpan.FromSeconds(15));
        while (!responseTask.IsCompleted && Environment.TickCount64 - started < 15_000)
        {
            Assert.Equal(200, (await other.GetAsync("/v1/status")).Status);
            served++;
            await Task.Delay(100);
        }

        var response = await responseTask;
        var cutOffAfter = Environment.TickCount64 - started;
        var closed = await slow.WaitClosedAsync(TimeSpan.FromSeconds(2));
        stop.Cancel();
        await trickle;
        output.WriteLine($"cut off after {cutOffAfter} ms; {served} other requests served meanwhile");

        Assert.Equal(408, response.Status);
        Assert.Equal("{\"error\":\"the request head did not arrive within 5 s\"}\n", response.Body);
        Assert.InRange(cutOffAfter, 4500, 7000);
        Assert.True(closed);
        Assert.True(served >= 20);
    }
}
