namespace WgAgent.Core.Tunnel;

/// <summary>A transition of the watched interface.</summary>
/// <param name="Previous">The state before.</param>
/// <param name="Current">The state after.</param>
public sealed record TunnelChange(TunnelState Previous, TunnelState Current)
{
    /// <summary>True when the phase differs (e.g. Present → Up).</summary>
    public bool PhaseChanged => Previous.Phase != Current.Phase;

    /// <summary>True when the usable addresses differ: what services bound to the tunnel address must follow.</summary>
    public bool AddressesChanged => !Previous.UsableAddresses.SequenceEqual(Current.UsableAddresses);

    /// <summary>E.g. <c>wg0: present → up (10.0.0.2/24)</c>.</summary>
    public override string ToString() =>
        $"{Current.Interface}: {Previous.Phase.ToString().ToLowerInvariant()} → {Current.Phase.ToString().ToLowerInvariant()}"
        + (Current.Addresses.Count == 0 ? "" : $" ({string.Join(", ", Current.Addresses)})");
}
