namespace WgAgent.Lab.Nftables;

/// <summary>The value of one named nftables counter object at one moment.</summary>
/// <param name="Name">The counter's name.</param>
/// <param name="Packets">Packets counted so far.</param>
/// <param name="Bytes">Bytes counted so far.</param>
public sealed record NftCounterValue(string Name, long Packets, long Bytes);
