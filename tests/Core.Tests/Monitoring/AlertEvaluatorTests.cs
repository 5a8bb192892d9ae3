using System.Collections.Immutable;
using AriaPro.Grains.Interfaces.Monitoring;
using AriaPro.Core.Monitoring.Rules;
using AriaPro.Core.Monitoring.Series;
using Microsoft.Extensions.Time.Testing;
using static AriaPro.Core.Tests.Monitoring.MetricStoreTests;

namespace AriaPro.Core.Tests.Monitoring;

[Trait("Category", "Unit")]
public sealed class AlertEvaluatorTests
{
    private readonly FakeTimeProvider _time = new(Start);
    private readonly MetricStore _store;

    public AlertEvaluatorTests()
    {
        _store = new MetricStore(new MetricStoreOptions(), _time);
    }

    [Fact]
    public void Evaluate_RuleWithFor30s_FiresAt30sNotAt29sAndResolvesWhenTheValueDrops()
    {
        var evaluator = Evaluator("""{ "id": "queue", "metric": "q", "comparison": ">", "threshold": 500, "for": "30s", "cooldown": "2m" }""");
        var queue = _store.GetOrAdd("q", MetricKind.Gauge, Labels());
        _store.Record(queue, 600);

        var atStart = evaluator.Evaluate();
        _time.Advance(TimeSpan.FromSeconds(29));
        var at29 = evaluator.Evaluate();
        _time.Advance(TimeSpan.FromSeconds(1));
        var at30 = evaluator.Evaluate();
        _store.Record(queue, 100);
        var dropped = evaluator.Evaluate();

        Assert.Empty(atStart);
        Assert.Empty(at29);
        var signal = Assert.Single(at30);
        Assert.Equal(new AlertSignal("queue", "queue", "queue", AlertSeverity.Warning, "q", queue.Labels, 600, 500, null, null, "threshold", Start.AddSeconds(30), TimeSpan.FromMinutes(2)), signal);
        Assert.Empty(dropped);
    }

    [Fact]
    public void Evaluate_ConditionBrokenBeforeItsDuration_StartsCountingAgain()
    {
        var evaluator = Evaluator("""{ "id": "queue", "metric": "q", "comparison": ">", "threshold": 500, "for": "30s" }""");
        var queue = _store.GetOrAdd("q", MetricKind.Gauge, Labels());
        _store.Record(queue, 600);
        evaluator.Evaluate();
        _time.Advance(TimeSpan.FromSeconds(20));
        _store.Record(queue, 10);
        evaluator.Evaluate();
        _store.Record(queue, 600);
        evaluator.Evaluate();

        _time.Advance(TimeSpan.FromSeconds(29));
        var notYet = evaluator.Evaluate();
        _time.Advance(TimeSpan.FromSeconds(1));
        var now = evaluator.Evaluate();

        Assert.Empty(notYet);
        Assert.Single(now);
    }

    [Fact]
    public void Evaluate_RateOverAWindow_FiresOnceTheRatePassesTheThreshold()
    {
        var evaluator = Evaluator("""{ "id": "denied", "summary": "Denied on {symbol}", "metric": "aria.orders.denied", "aggregation": "rate", "window": "1m", "comparison": ">", "threshold": 1 }""");
        var denied = _store.GetOrAdd("aria.orders.denied", MetricKind.Counter, Labels(("symbol", "EURUSD")));
        var results = new List<ImmutableArray<AlertSignal>>();
        for (var second = 0; second < 32; second++)
        {
            _store.Record(denied, 1);
            _store.Record(denied, 1);
            results.Add(evaluator.Evaluate());
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.All(results[..30], r => Assert.Empty(r));
        Assert.Single(results[30]);
        var signal = Assert.Single(results[31]);
        Assert.Equal(64.0 / 60, signal.Value, 12);
        Assert.Equal("Denied on EURUSD", signal.Summary);
        Assert.Equal("denied{symbol=EURUSD}", signal.Key);
    }

    [Fact]
    public void Evaluate_ShippedBreakerRules_ApplyToTheSeriesTheirLabelsSelect()
    {
        var evaluator = new AlertEvaluator(AlertRules.Defaults, _store, _time);
        var trader = _store.GetOrAdd("aria.circuit_breaker.state", MetricKind.Gauge, Labels(("source", "trader"), ("name", "EURUSD")));
        var model = _store.GetOrAdd("aria.circuit_breaker.state", MetricKind.Gauge, Labels(("source", "model"), ("name", "momentum")));
        var otherTrader = _store.GetOrAdd("aria.circuit_breaker.state", MetricKind.Gauge, Labels(("source", "trader"), ("name", "GBPUSD")));
        _store.Record(trader, 2);
        _store.Record(model, 2);
        _store.Record(otherTrader, 1);

        var signals = evaluator.Evaluate().OrderBy(s => s.RuleId).ToArray();

        Assert.Equal(["model-breaker-open", "trader-breaker-open"], signals.Select(s => s.RuleId));
        Assert.Equal(AlertSeverity.Warning, signals[0].Severity);
        Assert.Equal("Model circuit breaker open: momentum", signals[0].Summary);
        Assert.Equal(AlertSeverity.Critical, signals[1].Severity);
        Assert.Equal("trader-breaker-open{name=EURUSD,source=trader}", signals[1].Key);
        Assert.Equal("Trader circuit breaker open: EURUSD", signals[1].Summary);
        Assert.Equal(TimeSpan.FromMinutes(5), signals[1].Cooldown);
    }

    [Fact]
    public void Observe_LastValueRuleWithoutDuration_IsTrueExactlyWhenTheRuleStartsToHold()
    {
        var evaluator = new AlertEvaluator(AlertRules.Defaults, _store, _time);
        var breaker = _store.GetOrAdd("aria.circuit_breaker.state", MetricKind.Gauge, Labels(("source", "trader"), ("name", "EURUSD")));

        bool[] seen = [.. new[] { 0.0, 0, 2, 2, 1, 2, double.NaN, 0 }.Select(v => evaluator.Observe(breaker, v))];

        Assert.Equal([false, false, true, false, false, true, false, false], seen);
    }

    [Fact]
    public void Observe_RuleWithADuration_NeverTakesTheFastPath()
    {
        var evaluator = new AlertEvaluator(AlertRules.Defaults, _store, _time);
        var queue = _store.GetOrAdd("aria.threadpool.queue", MetricKind.Gauge, Labels());

        var observed = evaluator.Observe(queue, 10_000);

        Assert.False(observed);
    }

    [Fact]
    public void Evaluate_AnomalyRule_ReportsAnInjectedSpikeWithItsBandForTheHold()
    {
        var evaluator = Evaluator(
            anomaly: """{ "id": "lat", "summary": "Latency unusual on {symbol}", "metric": "lat", "detector": "mad", "window": 60, "threshold": 6, "minSamples": 30, "hold": "1m", "cooldown": "10m" }""");
        var latency = _store.GetOrAdd("lat", MetricKind.Histogram, Labels(("symbol", "EURUSD")));
        var noise = Gaussian.Series(seed: 21, count: 200, mean: 0.1, sigma: 0.01);
        var quiet = true;
        for (var second = 0; second < 100; second++)
        {
            _store.Record(latency, noise[second]);
            _time.Advance(TimeSpan.FromSeconds(1));
            quiet &= evaluator.Evaluate().IsEmpty;
        }

        _store.Record(latency, 0.5);
        _time.Advance(TimeSpan.FromSeconds(1));
        var spiked = evaluator.Evaluate();
        var held = new List<int>();
        for (var second = 101; second < 163; second++)
        {
            _store.Record(latency, noise[second]);
            _time.Advance(TimeSpan.FromSeconds(1));
            held.Add(evaluator.Evaluate().Length);
        }

        Assert.True(quiet);
        var signal = Assert.Single(spiked);
        Assert.Equal("mad", signal.Detector);
        Assert.Equal("lat{symbol=EURUSD}", signal.Key);
        Assert.Equal("Latency unusual on EURUSD", signal.Summary);
        Assert.Equal(0.5, signal.Value);
        Assert.Null(signal.Threshold);
        Assert.InRange(signal.ExpectedLow!.Value, 0.0, 0.1);
        Assert.InRange(signal.ExpectedHigh!.Value, 0.1, 0.2);
        Assert.Equal(TimeSpan.FromMinutes(10), signal.Cooldown);
        Assert.All(held[..60], n => Assert.Equal(1, n));
        Assert.Equal([0, 0], held[60..]);
    }

    [Fact]
    public void Evaluate_AnomalyRuleBelowItsMinDeviation_StaysQuiet()
    {
        var evaluator = Evaluator(anomaly: """{ "id": "sub", "metric": "sub", "aggregation": "rate", "detector": "ewma", "alpha": 0.1, "threshold": 5, "minSamples": 10, "minDeviation": 2 }""");
        var submitted = _store.GetOrAdd("sub", MetricKind.Counter, Labels());
        var counts = new List<int>();
        for (var second = 0; second < 30; second++)
        {
            _store.Record(submitted, second == 20 ? 1 : (second == 25 ? 5 : 0));
            _time.Advance(TimeSpan.FromSeconds(1));
            counts.Add(evaluator.Evaluate().Length);
        }

        Assert.All(counts[..25], n => Assert.Equal(0, n));
        Assert.All(counts[25..], n => Assert.Equal(1, n));
    }

    private AlertEvaluator Evaluator(string? rule = null, string? anomaly = null)
    {
        var json = $$"""{ "rules": [ {{rule}} ], "anomalies": [ {{anomaly}} ] }""";
        Assert.True(AlertRules.TryParse(json, out var rules, out var error), error);
        return new AlertEvaluator(rules, _store, _time);
    }
}
