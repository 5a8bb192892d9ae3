namespace AriaPro.Grains.Interfaces.Http;

/// <summary>The silos of the cluster and how many grains each hosts.</summary>
public sealed record ClusterStatus(int ActiveSilos, int TotalActivations, IReadOnlyList<SiloInfo> Silos);
