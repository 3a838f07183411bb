using System.Globalization;

namespace WgAgent.Core.Status;

/// <summary>Durations and byte counts for people, as <c>wg show</c> and <c>tailscale status</c> print them, shortened.</summary>
public static class HumanUnits
{
    private static readonly string[] ByteUnits = ["KiB", "MiB", "GiB", "TiB", "PiB", "EiB"];

    /// <summary>The two largest units, whole: <c>47s</c>, <c>1m 47s</c>, <c>2h 5m</c>, <c>3d 4h</c>.</summary>
    /// <param name="duration">A duration; negative counts as zero.</param>
    /// <returns>The text.</returns>
    public static string Duration(TimeSpan duration)
    {
        var seconds = duration < TimeSpan.Zero ? 0 : (long)duration.TotalSeconds;
        return seconds switch
        {
            < 60 => Invariant($"{seconds}s"),
            < 3600 => Invariant($"{seconds / 60}m {seconds % 60}s"),
            < 86400 => Invariant($"{seconds / 3600}h {seconds % 3600 / 60}m"),
            _ => Invariant($"{seconds / 86400}d {seconds % 86400 / 3600}h"),
        };
    }

    /// <summary>How long ago <paramref name="at"/> was, never negative (a clock step must not show "-3s").</summary>
    /// <param name="at">The past moment.</param>
    /// <param name="now">The present one.</param>
    /// <returns>The age.</returns>
    public static TimeSpan Age(DateTimeOffset at, DateTimeOffset now) => at >= now ? TimeSpan.Zero : now - at;

    /// <summary>E.g. <c>1m 47s ago</c>.</summary>
    /// <param name="at">The past moment.</param>
    /// <param name="now">The present one.</param>
    /// <returns>The text.</returns>
    public static string Ago(DateTimeOffset at, DateTimeOffset now) => Duration(Age(at, now)) + " ago";

    /// <summary>Binary units: <c>512 B</c>, <c>1.2 MiB</c>, <c>340 KiB</c> (one decimal below 10, none above).</summary>
    /// <param name="bytes">The count.</param>
    /// <returns>The text.</returns>
    public static string Bytes(ulong bytes)
    {
        if (bytes < 1024)
        {
            return Invariant($"{bytes} B");
        }

        var value = (double)bytes;
        var unit = -1;
        do
        {
            value /= 1024;
            unit++;
        }
        while (value >= 1024 && unit < ByteUnits.Length - 1);

        var rounded = Math.Round(value, 1, MidpointRounding.AwayFromZero);
        return rounded < 10 ? Invariant($"{rounded:0.0} {ByteUnits[unit]}") : Invariant($"{value:0} {ByteUnits[unit]}");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
