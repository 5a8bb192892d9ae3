namespace AriaPro.Load.Operations;

/// <summary>The operation names accepted by <c>--ops</c>.</summary>
public static class OperationNames
{
    public const string Orders = "orders";
    public const string OrdersBatch = "orders-batch";
    public const string RiskMetrics = "risk-metrics";
    public const string Inference = "inference";
    public const string Models = "models";
    public const string MetricRecord = "metric-record";
    public const string RateLimit = "rate-limit";
    public const string NoOpGrain = "noop-grain";
    public const string BareEndpoint = "bare-endpoint";
    public const string RedisPing = "redis-ping";

    /// <summary>Every name, in the order the report lists them.</summary>
    public static IReadOnlyList<string> All { get; } =
        [Orders, OrdersBatch, RiskMetrics, Inference, Models, MetricRecord, RateLimit, NoOpGrain, BareEndpoint, RedisPing];
}
