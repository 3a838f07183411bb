using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using WgAgent.Lab.Hosts;

namespace WgAgent.Lab.Tests.Killswitch.Support;

/// <summary>One long-lived TCP connection to an echo service, opened from a lab host: a flow that exists before a
/// policy change, to see whether it survives it.</summary>
internal sealed class EchoConnection : IDisposable
{
    private readonly Socket _socket;

    private EchoConnection(Socket socket) => _socket = socket;

    public static async Task<EchoConnection> OpenAsync(LabHost from, IPEndPoint target, TimeSpan timeout)
    {
        var socket = from.CreateSocket(target.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            using var limit = new CancellationTokenSource(timeout);
            await socket.ConnectAsync(target, limit.Token);
            return new EchoConnection(socket);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Sends fresh random bytes and waits for them to come back.</summary>
    /// <returns>Null when they were echoed, else what happened instead (reset, closed, no answer).</returns>
    public async Task<string?> RoundTripAsync(TimeSpan timeout)
    {
        var nonce = RandomNumberGenerator.GetBytes(16);
        var echoed = new byte[nonce.Length];
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await _socket.SendAsync(nonce, SocketFlags.None, limit.Token);
            var received = 0;
            while (received < echoed.Length)
            {
                var n = await _socket.ReceiveAsync(echoed.AsMemory(received), SocketFlags.None, limit.Token);
                if (n == 0)
                {
                    return "closed by the peer";
                }

                received += n;
            }

            return echoed.AsSpan().SequenceEqual(nonce) ? null : "wrong bytes echoed";
        }
        catch (SocketException e)
        {
            return $"{e.SocketErrorCode}: {e.Message}";
        }
        catch (OperationCanceledException)
        {
            return $"no echo within {timeout.TotalMilliseconds:0} ms";
        }
    }

    public void Dispose() => _socket.Dispose();
}
