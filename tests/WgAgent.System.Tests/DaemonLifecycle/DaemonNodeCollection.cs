namespace WgAgent.System.Tests.DaemonLifecycle;

/// <summary>Tests that judge the records of <see cref="DaemonNodeFixture"/>'s two boots and scenario steps.</summary>
[CollectionDefinition(Name)]
public sealed class DaemonNodeCollection : ICollectionFixture<DaemonNodeFixture>
{
    /// <summary>The collection name.</summary>
    public const string Name = "daemon node";
}
