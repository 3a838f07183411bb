namespace WgAgent.Lab.Tests.Lifecycle;

/// <summary>Tests that start and stop their own labs; one at a time (they run beside the shared lab).</summary>
[CollectionDefinition(Name)]
public sealed class LifecycleCollection
{
    public const string Name = "lab lifecycle";
}
