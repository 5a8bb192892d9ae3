namespace AriaPro.Silo.Tests.Cluster;

/// <summary>
/// The tests that run whole clusters of silo processes take turns: on a two-core machine, two such
/// clusters starting at once would starve each other's membership probes and measure the machine,
/// not the failover.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SiloProcessesCollection
{
    public const string Name = "Silo processes";
}
