namespace WgAgent.Firewall.Tests.Monitor;

/// <summary>One nft run inside the scratch namespace: when it started and when it returned (Stopwatch timestamps).</summary>
internal sealed record NftCommand(string Script, long StartedAt, long ReturnedAt);
