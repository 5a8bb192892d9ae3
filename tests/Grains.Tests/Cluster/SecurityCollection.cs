namespace AriaPro.Grains.Tests.Cluster;

/// <summary>The key ring and revocation tests, one at a time on their own two-silo cluster.</summary>
[CollectionDefinition(Name)]
public sealed class SecurityCollection : ICollectionFixture<SecurityClusterFixture>
{
    public const string Name = "security";
}
