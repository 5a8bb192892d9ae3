namespace AriaPro.Grains.Interfaces.Http;

/// <summary>
/// The answer of <c>GET /monitoring/system/status</c>: this silo's resources, the cluster's silos and
/// activations, every trader's and model's breaker, and the alerts. A part that cannot be read
/// (a silo just died, the cluster is busy) is left out and named in <see cref="Errors"/>.
/// </summary>
public sealed record SystemStatus(
    string Silo,
    DateTimeOffset Time,
    bool MonitoringEnabled,
    ResourceSnapshot Resources,
    ClusterStatus? Cluster,
    IReadOnlyList<TraderStatus> Traders,
    IReadOnlyList<ModelStatus> Models,
    AlertCounts? Alerts,
    IReadOnlyList<string> Errors);
