using System.Diagnostics.Metrics;
using System.Globalization;
using AriaPro.Grains.Monitoring;
using AriaPro.Silo.Security.RateLimiting;
using Microsoft.Extensions.DependencyInjection;

namespace AriaPro.Load.Operations;

/// <summary>
/// Operations with no client or HTTP surface, made inside the process that hosts the silo: a
/// metric point recorded on an AriaPro instrument (the silo's meter listener feeds its metric store
/// and the alert evaluator's fast path), and one decision of the facade's rate limiter (the
/// in-memory store embedded, the Redis store in cluster mode). Neither has a platform baseline: nothing
/// in the platform does less on the same path.
/// </summary>
public static class InProcessOperations
{
    /// <summary>Instrument the metric points are recorded on.</summary>
    public const string Instrument = "aria.load.point";

    /// <summary>Principals the rate-limit checks take turns on.</summary>
    public const int Principals = 100;

    public static IReadOnlyList<LoadOperation> Create(IServiceProvider silo, IReadOnlyList<string> symbols)
    {
        var histogram = silo.GetRequiredService<IMeterFactory>().Create(AriaMetrics.MeterName).CreateHistogram<double>(Instrument);
        var limiter = silo.GetRequiredService<RateLimiter>();
        var principals = Enumerable.Range(0, Principals).Select(p => "load-" + p.ToString(CultureInfo.InvariantCulture)).ToArray();
        var tags = symbols.Select(s => new KeyValuePair<string, object?>("symbol", s)).ToArray();
        return
        [
            new(OperationNames.MetricRecord, "in-process", $"Histogram.Record on the AriaPro meter (listener, metric store, alert fast path), {tags.Length} series",
                i =>
                {
                    histogram.Record(i % 1000, tags[(int)(i % tags.Length)]);
                    return ValueTask.FromResult<string?>(null);
                },
                Baseline: null),
            new(OperationNames.RateLimit, "in-process", $"RateLimiter.CheckAsync, {Principals} principals, the silo's limit store",
                async i =>
                {
                    var decision = await limiter.CheckAsync(principals[i % Principals], "/trading/risk/metrics");
                    return decision.Admitted ? null : "refused";
                },
                Baseline: null),
        ];
    }
}
