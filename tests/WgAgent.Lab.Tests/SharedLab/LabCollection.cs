using WgAgent.Lab;

namespace WgAgent.Lab.Tests;

/// <summary>Tests in this collection share one lab (brought up once, a few seconds).</summary>
[CollectionDefinition(Name)]
public sealed class LabCollection : ICollectionFixture<LabFixture>
{
    public const string Name = "level-1 lab";
}
