namespace WgAgent.System.Tests.Journald;

/// <summary>The probe tests share one booted host (see <see cref="ProbeHostFixture"/>).</summary>
[CollectionDefinition(Name)]
public sealed class ProbeHostCollection : ICollectionFixture<ProbeHostFixture>
{
    /// <summary>The collection name.</summary>
    public const string Name = "probe host";
}
