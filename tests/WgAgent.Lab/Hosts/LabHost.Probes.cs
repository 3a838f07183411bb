using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using WgAgent.Lab.Probes;

namespace WgAgent.Lab.Hosts;

public sealed partial class LabHost
{
    /// <summary>The probe timeout used when the caller gives none: long for a lab, short for a blocked probe.</summary>
    public static readonly TimeSpan DefaultProbeTimeout = TimeSpan.FromSeconds(1);

    /// <summary>Runs the probe of the given kind (the port is ignored for <see cref="ProbeKind.Ping"/>).</summary>
    public Task<ProbeResult> ProbeAsync(
        ProbeKind kind, IPAddress target, int port, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        kind switch
        {
            ProbeKind.TcpConnect => TcpConnectAsync(target, port, timeout, cancellationToken),
            ProbeKind.TcpEcho => TcpEchoAsync(target, port, timeout, cancellationToken),
            ProbeKind.UdpEcho => UdpEchoAsync(target, port, timeout, cancellationToken),
            ProbeKind.Ping => PingAsync(target, timeout, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown probe kind"),
        };

    /// <summary>Opens a TCP connection from this host (handshake only) and closes it.</summary>
    public async Task<ProbeResult> TcpConnectAsync(
        IPAddress target, int port, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var stopwatch = Stopwatch.StartNew();
        using var socket = CreateSocket(target.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        using var limit = Limit(timeout, cancellationToken);
        try
        {
            await socket.ConnectAsync(new IPEndPoint(target, port), limit.Token).ConfigureAwait(false);
            return Result(ProbeKind.TcpConnect, target, port, ProbeOutcome.Reachable, "", stopwatch);
        }
        catch (Exception e) when (IsProbeFailure(e, cancellationToken))
        {
            return Failure(ProbeKind.TcpConnect, target, port, e, stopwatch);
        }
    }

    /// <summary>Connects over TCP, sends a random payload and expects it echoed back.</summary>
    public async Task<ProbeResult> TcpEchoAsync(
        IPAddress target, int port, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var stopwatch = Stopwatch.StartNew();
        var nonce = RandomNumberGenerator.GetBytes(16);
        using var socket = CreateSocket(target.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        using var limit = Limit(timeout, cancellationToken);
        try
        {
            await socket.ConnectAsync(new IPEndPoint(target, port), limit.Token).ConfigureAwait(false);
            await socket.SendAsync(nonce, SocketFlags.None, limit.Token).ConfigureAwait(false);
            var echoed = new byte[nonce.Length];
            var received = 0;
            while (received < echoed.Length)
            {
                var n = await socket.ReceiveAsync(echoed.AsMemory(received), SocketFlags.None, limit.Token).ConfigureAwait(false);
                if (n == 0)
                {
                    return Result(ProbeKind.TcpEcho, target, port, ProbeOutcome.Error, "closed before echoing", stopwatch);
                }

                received += n;
            }

            var outcome = echoed.AsSpan().SequenceEqual(nonce) ? ProbeOutcome.Reachable : ProbeOutcome.Error;
            return Result(ProbeKind.TcpEcho, target, port, outcome, outcome == ProbeOutcome.Error ? "wrong echo" : "", stopwatch);
        }
        catch (Exception e) when (IsProbeFailure(e, cancellationToken))
        {
            return Failure(ProbeKind.TcpEcho, target, port, e, stopwatch);
        }
    }

    /// <summary>Sends a random UDP datagram (resent every 200 ms) and expects it echoed back within the timeout.</summary>
    public async Task<ProbeResult> UdpEchoAsync(
        IPAddress target, int port, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var stopwatch = Stopwatch.StartNew();
        var nonce = RandomNumberGenerator.GetBytes(16);
        using var socket = CreateSocket(target.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        using var limit = Limit(timeout, cancellationToken);
        try
        {
            // Connected, so an ICMP port unreachable surfaces as ECONNREFUSED (udp(7)).
            socket.Connect(new IPEndPoint(target, port));
            var buffer = new byte[512];
            while (true)
            {
                await socket.SendAsync(nonce, SocketFlags.None, limit.Token).ConfigureAwait(false);
                using var attempt = CancellationTokenSource.CreateLinkedTokenSource(limit.Token);
                attempt.CancelAfter(TimeSpan.FromMilliseconds(200));
                try
                {
                    var n = await socket.ReceiveAsync(buffer, SocketFlags.None, attempt.Token).ConfigureAwait(false);
                    if (buffer.AsSpan(0, n).SequenceEqual(nonce))
                    {
                        return Result(ProbeKind.UdpEcho, target, port, ProbeOutcome.Reachable, "", stopwatch);
                    }
                }
                catch (OperationCanceledException) when (!limit.IsCancellationRequested)
                {
                    // No answer yet: send again (a lost datagram must not read as "blocked").
                }
            }
        }
        catch (Exception e) when (IsProbeFailure(e, cancellationToken))
        {
            return Failure(ProbeKind.UdpEcho, target, port, e, stopwatch);
        }
    }

    /// <summary>Sends one ICMP/ICMPv6 echo request with iputils ping inside the host.</summary>
    public async Task<ProbeResult> PingAsync(
        IPAddress target, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var wait = timeout ?? DefaultProbeTimeout;
        var family = target.AddressFamily == AddressFamily.InterNetworkV6 ? "-6" : "-4";
        var seconds = Math.Max(0.1, wait.TotalSeconds).ToString("0.###", CultureInfo.InvariantCulture);
        var result = await RunAsync(
            ["ping", family, "-n", "-c", "1", "-W", seconds, target.ToString()],
            wait + TimeSpan.FromSeconds(5),
            cancellationToken: cancellationToken).ConfigureAwait(false);
        var text = (result.Stdout + "\n" + result.Stderr).Trim();
        var outcome = result switch
        {
            { Succeeded: true } => ProbeOutcome.Reachable,
            _ when text.Contains("Operation not permitted", StringComparison.Ordinal) => ProbeOutcome.Denied,
            _ when text.Contains("nreachable", StringComparison.Ordinal) => ProbeOutcome.Unreachable,
            _ when text.Contains("rohibited", StringComparison.Ordinal) => ProbeOutcome.Unreachable,
            { ExitCode: 1 } => ProbeOutcome.TimedOut,
            _ => ProbeOutcome.Error,
        };
        var detail = outcome == ProbeOutcome.Reachable ? "" : LastLine(text);
        return new ProbeResult(Name, ProbeKind.Ping, target, null, outcome, detail, result.Elapsed);
    }

    private static CancellationTokenSource Limit(TimeSpan? timeout, CancellationToken cancellationToken)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        source.CancelAfter(timeout ?? DefaultProbeTimeout);
        return source;
    }

    // The caller's own cancellation propagates; our timeout and socket errors become outcomes.
    private static bool IsProbeFailure(Exception e, CancellationToken cancellationToken) =>
        e is SocketException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    private ProbeResult Failure(ProbeKind kind, IPAddress target, int port, Exception e, Stopwatch stopwatch)
    {
        var (outcome, detail) = e switch
        {
            OperationCanceledException => (ProbeOutcome.TimedOut, "no answer"),
            SocketException s => (Classify(s), s.Message),
            _ => (ProbeOutcome.Error, e.Message),
        };
        return Result(kind, target, port, outcome, detail, stopwatch);
    }

    private static ProbeOutcome Classify(SocketException e) => e.SocketErrorCode switch
    {
        SocketError.ConnectionRefused or SocketError.ConnectionReset => ProbeOutcome.Refused,
        SocketError.HostUnreachable or SocketError.NetworkUnreachable or SocketError.HostDown => ProbeOutcome.Unreachable,
        SocketError.AccessDenied => ProbeOutcome.Denied,
        SocketError.TimedOut => ProbeOutcome.TimedOut,
        // EPERM (1) is what an output-chain drop returns to the sender; .NET may not name it.
        _ when e.NativeErrorCode == 1 => ProbeOutcome.Denied,
        _ => ProbeOutcome.Error,
    };

    private ProbeResult Result(ProbeKind kind, IPAddress target, int port, ProbeOutcome outcome, string detail, Stopwatch stopwatch) =>
        new(Name, kind, target, port, outcome, detail, stopwatch.Elapsed);

    private static string LastLine(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length == 0 ? "" : lines[^1];
    }
}
