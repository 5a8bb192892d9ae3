namespace AriaPro.Grains.Tests.Cluster;

/// <summary>The model reload tests, one at a time on their own cluster.</summary>
[CollectionDefinition(Name)]
public sealed class ReloadCollection : ICollectionFixture<ReloadClusterFixture>
{
    public const string Name = "model reload";
}
