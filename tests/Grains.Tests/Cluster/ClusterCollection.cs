namespace AriaPro.Grains.Tests.Cluster;

/// <summary>Tests that share the one <see cref="ClusterFixture"/>; they run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
