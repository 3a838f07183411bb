namespace WgAgent.Core.Status;

/// <summary>
/// Which table the daemon put in place and verified: the input twin of the daemon's <c>KillswitchOutcome</c>, here
/// because Core cannot see the daemon's types (the daemon maps one to the other).
/// </summary>
public enum KillswitchTableKind
{
    /// <summary>Computed from a valid config.</summary>
    Computed,

    /// <summary>The last table verified in the kernel (<c>last-good.nft</c>).</summary>
    LastGood,

    /// <summary>Loopback only.</summary>
    BlockAll,
}
