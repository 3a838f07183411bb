using System.Diagnostics;

namespace WgAgent.Lab.Tests.Daemon;

/// <summary>One sd_notify datagram the daemon sent, with when it arrived.</summary>
/// <param name="Text">The datagram, e.g. <c>READY=1</c> or <c>STATUS=…</c>.</param>
/// <param name="ReceivedAt">Stopwatch timestamp of its arrival.</param>
internal sealed record NotifyMessage(string Text, long ReceivedAt)
{
    /// <summary>The value of <paramref name="key"/> in this datagram, or null.</summary>
    public string? Value(string key) =>
        Text.Split('\n').Where(line => line.StartsWith(key + "=", StringComparison.Ordinal)).Select(line => line[(key.Length + 1)..]).FirstOrDefault();

    /// <summary>Milliseconds from <paramref name="timestamp"/> to this message.</summary>
    public double MillisecondsAfter(long timestamp) => Stopwatch.GetElapsedTime(timestamp, ReceivedAt).TotalMilliseconds;

    public override string ToString() => Text.Replace('\n', ' ');
}
