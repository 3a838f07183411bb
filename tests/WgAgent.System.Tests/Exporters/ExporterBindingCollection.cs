namespace WgAgent.System.Tests.Exporters;

/// <summary>Tests that share the two boots of <see cref="ExporterBindingFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class ExporterBindingCollection : ICollectionFixture<ExporterBindingFixture>
{
    /// <summary>The collection name.</summary>
    public const string Name = "exporter binding";
}
