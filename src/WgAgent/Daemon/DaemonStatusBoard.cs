namespace WgAgent.Daemon;

/// <summary>The daemon's current <see cref="DaemonSnapshot"/>, replaced atomically by the services that change it.</summary>
public sealed class DaemonStatusBoard
{
    private readonly Lock gate = new();
    private DaemonSnapshot current;

    /// <summary>Creates the board with the state at start.</summary>
    /// <param name="initial">The first snapshot.</param>
    public DaemonStatusBoard(DaemonSnapshot initial) => current = initial;

    /// <summary>The latest snapshot.</summary>
    public DaemonSnapshot Current => Volatile.Read(ref current);

    /// <summary>Replaces the snapshot with a changed copy; serialized, so concurrent updates never lose each other's change.</summary>
    /// <param name="change">From the current snapshot to the next.</param>
    /// <returns>The new snapshot.</returns>
    public DaemonSnapshot Update(Func<DaemonSnapshot, DaemonSnapshot> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (gate)
        {
            var next = change(current);
            Volatile.Write(ref current, next);
            return next;
        }
    }
}
