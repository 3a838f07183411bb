namespace WgAgent.Firewall;

/// <summary>Which fail-closed table <c>killswitch up</c> puts in place (the status API's <c>killswitch.state</c>).</summary>
public enum KillswitchOutcome
{
    /// <summary>The table computed from a valid config.</summary>
    Verified,

    /// <summary>The last table verified in the kernel (<c>last-good.nft</c>), because no table could be computed.</summary>
    FallbackLastGood,

    /// <summary>Loopback only, because nothing better is available.</summary>
    BlockAll,
}
