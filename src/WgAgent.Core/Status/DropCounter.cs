namespace WgAgent.Core.Status;

/// <summary>One named nft counter's values.</summary>
/// <param name="Packets">Packets counted since the table was loaded.</param>
/// <param name="Bytes">Their bytes.</param>
public sealed record DropCounter(ulong Packets, ulong Bytes);
