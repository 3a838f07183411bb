namespace WgAgent.Status.Tests.Support;

/// <summary>Tests that measure (memory, time, throughput) or open a thousand connections run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialCollection
{
    public const string Name = "serial";
}
