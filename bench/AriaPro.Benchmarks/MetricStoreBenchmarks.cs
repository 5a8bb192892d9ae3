using System.Collections.Immutable;
using AriaPro.Core.Monitoring.Rules;
using AriaPro.Core.Monitoring.Series;
using BenchmarkDotNet.Attributes;

namespace AriaPro.Benchmarks;

/// <summary>
/// One point into the metric store (clock read, series lock, three bucket updates) and the alert
/// fast path after it, against writing a double into a preallocated ring: the floor of any
/// in-memory series. Not sealed: BenchmarkDotNet derives from benchmark classes.
/// </summary>
[MemoryDiagnoser]
public class MetricStoreBenchmarks
{
    private const int RingSize = 3600;
    private readonly double[] _ring = new double[RingSize];
    private int _next;
    private long _n;
    private MetricStore _store = null!;
    private MetricSeries _series = null!;
    private AlertEvaluator _evaluator = null!;
    private long _now;

    [GlobalSetup]
    public void Setup()
    {
        _store = new MetricStore(new MetricStoreOptions(), TimeProvider.System);
        var labels = ImmutableDictionary<string, string>.Empty.Add("source", "trader").Add("name", "EURUSD");
        _series = _store.GetOrAdd("aria.circuit_breaker.state", MetricKind.Gauge, labels);
        _evaluator = new AlertEvaluator(AlertRules.Defaults, _store, TimeProvider.System);

        // The evaluator resolves a series' rules on first sight; measure the steady state.
        _evaluator.Observe(_series, 0);
        _now = TimeProvider.System.GetUtcNow().UtcTicks;
    }

    /// <summary>A double into a preallocated array with index wrap.</summary>
    [Benchmark(Baseline = true)]
    public void BareRingBufferWrite()
    {
        _ring[_next] = _n++ & 1;
        _next = _next + 1 == RingSize ? 0 : _next + 1;
    }

    /// <summary>store.Record(series, value) with TimeProvider.System: the clock read included.</summary>
    [Benchmark]
    public void RecordPoint() => _store.Record(_series, _n++ & 1);

    /// <summary>store.Record with a timestamp the caller already has: the same minus the clock read.</summary>
    [Benchmark]
    public void RecordPointAtGivenTime() => _store.Record(_series, _n++ & 1, _now);

    /// <summary>Record, then the evaluator's fast path on the trader breaker rule (closed and half-open: no transition).</summary>
    [Benchmark]
    public bool RecordPointAndObserve()
    {
        double value = _n++ & 1;
        _store.Record(_series, value);
        return _evaluator.Observe(_series, value);
    }
}
