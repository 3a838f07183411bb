using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;

namespace WgAgent.Status.Bench.Baseline;

/// <summary>
/// The baseline server (`respond --socket PATH --body FILE --content-type TYPE`): HTTP/1.1 over a Unix socket, keep-alive,
/// answering every request head (up to its blank line) with the same prepared bytes — the daemon's captured status body —
/// and doing nothing else: no parsing beyond finding the blank line, no routing, no peer check, no composition. What is
/// left is the cost of a .NET async socket server on this machine. Runs until SIGTERM/SIGINT or until its stdin closes
/// (the runner went away).
/// </summary>
internal static class StaticResponder
{
    /// <summary>The line written to stdout once it listens.</summary>
    public const string ReadyLine = "listening";

    private const int BufferBytes = 16 * 1024;

    /// <summary>Serves until stopped; 0, or 2 on bad arguments.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        string? socketPath = null, bodyPath = null, contentType = "application/json";
        for (var i = 0; i + 1 < args.Count; i += 2)
        {
            switch (args[i])
            {
                case "--socket": socketPath = args[i + 1]; break;
                case "--body": bodyPath = args[i + 1]; break;
                case "--content-type": contentType = args[i + 1]; break;
                default: await Console.Error.WriteLineAsync($"respond: unknown option {args[i]}"); return 2;
            }
        }

        if (socketPath is null || bodyPath is null)
        {
            await Console.Error.WriteLineAsync("respond: usage: respond --socket PATH --body FILE [--content-type TYPE]");
            return 2;
        }

        var body = await File.ReadAllBytesAsync(bodyPath);
        byte[] answer = [.. Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: {contentType}\r\nContent-Length: {body.Length}\r\n\r\n"), .. body];

        using var stop = new CancellationTokenSource();
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.Cancel(); });
        _ = Task.Run(async () =>
        {
            await Console.In.ReadToEndAsync(stop.Token);
            await stop.CancelAsync();
        });

        File.Delete(socketPath);
        using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(socketPath));
        listener.Listen(1024);
        Console.WriteLine(ReadyLine);
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var client = await listener.AcceptAsync(stop.Token);
                _ = ServeAsync(client, answer, stop.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
        finally
        {
            File.Delete(socketPath);
        }

        return 0;
    }

    private static async Task ServeAsync(Socket client, byte[] answer, CancellationToken cancellationToken)
    {
        var buffer = new byte[BufferBytes];
        var have = 0;
        try
        {
            while (true)
            {
                var n = await client.ReceiveAsync(buffer.AsMemory(have), SocketFlags.None, cancellationToken);
                if (n == 0)
                {
                    return;
                }

                have += n;
                var consumed = 0;
                int headEnd;
                while ((headEnd = buffer.AsSpan(consumed, have - consumed).IndexOf("\r\n\r\n"u8)) >= 0)
                {
                    await client.SendAsync(answer, SocketFlags.None, cancellationToken);
                    consumed += headEnd + 4;
                }

                if (consumed == 0 && have == BufferBytes)
                {
                    return; // a head larger than the buffer: not a client of this benchmark
                }

                buffer.AsSpan(consumed, have - consumed).CopyTo(buffer);
                have -= consumed;
            }
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client left, or we are stopping.
        }
        finally
        {
            client.Dispose();
        }
    }
}
