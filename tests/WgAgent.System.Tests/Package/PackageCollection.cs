namespace WgAgent.System.Tests.Package;

/// <summary>Tests that judge the records of <see cref="PackageFixture"/>'s one host history.</summary>
[CollectionDefinition(Name)]
public sealed class PackageCollection : ICollectionFixture<PackageFixture>
{
    /// <summary>The collection name.</summary>
    public const string Name = "package node";
}
