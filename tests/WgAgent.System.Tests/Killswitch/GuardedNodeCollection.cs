namespace WgAgent.System.Tests.Killswitch;

/// <summary>Tests that share one lab and one booted node guarded by wgagent (see <see cref="GuardedNodeFixture"/>).</summary>
[CollectionDefinition(Name)]
public sealed class GuardedNodeCollection : ICollectionFixture<GuardedNodeFixture>
{
    /// <summary>The collection name.</summary>
    public const string Name = "guarded node";
}
