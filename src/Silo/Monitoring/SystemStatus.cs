using AriaPro.Grains.Interfaces.Trading;

namespace AriaPro.Silo.Monitoring;

/// <summary>
/// <c>GET /monitoring/system/status</c>: this silo's resources, the cluster's silos and
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

/// <summary>The silos of the cluster and how many grains each hosts.</summary>
public sealed record ClusterStatus(int ActiveSilos, int TotalActivations, IReadOnlyList<SiloStatus> Silos);

/// <summary>One silo as the cluster's membership and its runtime statistics see it.</summary>
public sealed record SiloStatus(
    string Address, string Name, string Status, DateTimeOffset StartedAt, bool IsThisSilo,
    int? Activations, float? CpuPercent, long? MemoryBytes, bool? IsOverloaded);

/// <summary>One symbol's trading guards.</summary>
public sealed record TraderStatus(
    string Symbol, TradingState TradingState, CircuitState Breaker, int ConsecutiveFailures,
    DateTimeOffset? OpensUntil, decimal Position, decimal PositionLimit, int WorkingOrders);

/// <summary>One model's breaker and health.</summary>
public sealed record ModelStatus(string Id, CircuitState Breaker, double? SuccessRate, string? Reason);

/// <summary>How many alerts are firing, by severity.</summary>
public sealed record AlertCounts(int Firing, int Critical, int Warning, int Info, int Unacknowledged);
