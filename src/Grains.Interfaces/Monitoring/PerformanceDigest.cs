using System.Collections.Immutable;

namespace AriaPro.Grains.Interfaces.Monitoring;

/// <summary>
/// A silo's periodic summary (WebSocket event <c>performance_metric</c>): order rates and latency,
/// CPU, memory, GC and thread pool, keyed by metric name.
/// </summary>
[GenerateSerializer, Immutable, Alias("AriaPro.PerformanceDigest")]
public sealed record PerformanceDigest(
    [property: Id(0)] string Silo,
    [property: Id(1)] DateTimeOffset Time,
    [property: Id(2)] ImmutableDictionary<string, double> Values);
