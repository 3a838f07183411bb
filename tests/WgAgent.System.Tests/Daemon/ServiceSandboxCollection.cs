namespace WgAgent.System.Tests.Daemon;

/// <summary>Tests that share the one boot of <see cref="ServiceSandboxFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class ServiceSandboxCollection : ICollectionFixture<ServiceSandboxFixture>
{
    /// <summary>The collection name.</summary>
    public const string Name = "service sandbox";
}
