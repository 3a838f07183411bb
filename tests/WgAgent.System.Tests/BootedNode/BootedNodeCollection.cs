using Xunit;

namespace WgAgent.System.Tests.BootedNode;

/// <summary>Tests that share one lab and one booted node (see <see cref="BootedNodeFixture"/>).</summary>
[CollectionDefinition(Name)]
public sealed class BootedNodeCollection : ICollectionFixture<BootedNodeFixture>
{
    /// <summary>The collection name.</summary>
    public const string Name = "booted node";
}
