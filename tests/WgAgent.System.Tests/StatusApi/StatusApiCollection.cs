namespace WgAgent.System.Tests.StatusApi;

/// <summary>Tests that judge the records of <see cref="StatusApiFixture"/>'s one boot.</summary>
[CollectionDefinition(Name)]
public sealed class StatusApiCollection : ICollectionFixture<StatusApiFixture>
{
    /// <summary>The collection name.</summary>
    public const string Name = "status api node";
}
