namespace WgAgent.Status.Tests.Support;

/// <summary>A clock that moves only when told, for the cache's ages (timestamps in ticks of 100 ns).</summary>
internal sealed class ManualClock : TimeProvider
{
    private long ticks = TimeSpan.TicksPerDay; // not zero, so an unset timestamp never looks current

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Interlocked.Read(ref ticks);

    public void Advance(TimeSpan by) => Interlocked.Add(ref ticks, by.Ticks);
}
