using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using WgAgent.Status.Tests.Support;
using Xunit.Abstractions;

namespace WgAgent.Status.Tests.Server;

/// <summary>
/// Throughput and latency at 100 concurrent keep-alive clients, printed for information only (the benchmark proper,
/// BENCHMARKS.md, comes later and runs the daemon's real handlers). Client and server share this process and its CPUs.
/// </summary>
[Collection(SerialCollection.Name)]
public class ThroughputTests(ITestOutputHelper output)
{
    private const int Clients = 100;
    private static readonly TimeSpan Warmup = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(3);
    private static readonly byte[] Request = Encoding.ASCII.GetBytes("GET /v1/status HTTP/1.1\r\nHost: localhost\r\n\r\n");

    [Fact]
    public async Task KeepAlive_HundredClients_PrintsThroughputAndP99()
    {
        await using var server = await TestServer.StartAsync();
        var latencies = new List<long>[Clients];
        var errors = 0;
        var measureFrom = Stopwatch.GetTimestamp() + (long)(Warmup.TotalSeconds * Stopwatch.Frequency);
        var deadline = measureFrom + (long)(Duration.TotalSeconds * Stopwatch.Frequency);

        await Task.WhenAll(Enumerable.Range(0, Clients).Select(async i =>
        {
            latencies[i] = new List<long>(100_000);
            using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            await socket.ConnectAsync(server.EndPoint);
            var buffer = new byte[4096];
            while (Stopwatch.GetTimestamp() < deadline)
            {
                var sent = Stopwatch.GetTimestamp();
                await socket.SendAsync(Request, SocketFlags.None);
                if (!await ReadOneResponseAsync(socket, buffer))
                {
                    Interlocked.Increment(ref errors);
                    return;
                }

                if (sent >= measureFrom)
                {
                    latencies[i].Add(Stopwatch.GetTimestamp() - sent); // after the warm-up (JIT, thread pool growth)
                }
            }
        }));
        var elapsed = Duration;

        var all = latencies.SelectMany(l => l).Order().ToArray();
        double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
        output.WriteLine($"{Clients} keep-alive clients, {elapsed.TotalSeconds:0.00} s after {Warmup.TotalSeconds:0} s warm-up: {all.Length} requests, " +
            $"{all.Length / elapsed.TotalSeconds:0} req/s; latency p50 {Ms(all[all.Length / 2]):0.000} ms, " +
            $"p99 {Ms(all[(int)(all.Length * 0.99)]):0.000} ms, max {Ms(all[^1]):0.000} ms; {errors} errors");
        output.WriteLine($"counters: {server.Server.Counters}");

        // Information only: nothing about speed is asserted.
        Assert.Equal(0, errors);
        Assert.NotEmpty(all);
    }

    // Reads exactly one response of the fixed test handler (head, then Content-Length bytes).
    private static async Task<bool> ReadOneResponseAsync(Socket socket, byte[] buffer)
    {
        var count = 0;
        while (true)
        {
            var received = await socket.ReceiveAsync(buffer.AsMemory(count), SocketFlags.None);
            if (received == 0)
            {
                return false;
            }

            count += received;
            var end = buffer.AsSpan(0, count).IndexOf("\r\n\r\n"u8);
            if (end >= 0 && count >= end + 4 + TestServer.StatusBody.Length)
            {
                return buffer.AsSpan(0, 12).SequenceEqual("HTTP/1.1 200"u8);
            }
        }
    }
}
