namespace WgAgent.Tunnel.Tests;

/// <summary>The latency measurement runs alone, after the other tests, so they do not compete with it for the CPU.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LatencyCollection
{
    public const string Name = "latency";
}
