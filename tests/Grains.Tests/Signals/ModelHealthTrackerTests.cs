using AriaPro.Core.Trading;
using AriaPro.Grains.Trading;
using AriaPro.Grains.Interfaces.MarketData;
using AriaPro.Grains.Interfaces.Signals;
using AriaPro.Grains.Interfaces.Trading;
using AriaPro.Grains.Signals;
using AriaPro.Grains.Signals.Health;
using Microsoft.Extensions.Time.Testing;

namespace AriaPro.Grains.Tests.Signals;

[Trait("Category", "Unit")]
public sealed class ModelHealthTrackerTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.Zero));
    private readonly ModelHealthState _state = new();
    private readonly ModelHealthTracker _tracker;

    public ModelHealthTrackerTests() =>
        _tracker = new(_state, new ModelHealthOptions { PerformanceWindow = 4, CircuitBreakerThreshold = 0.5, ModelCooldown = TimeSpan.FromMinutes(5) });

    [Fact]
    public void Record_FailuresBeforeWindowIsFull_DoNotOpen()
    {
        Record(InferenceOutcome.Error);
        Record(InferenceOutcome.Error);
        Record(InferenceOutcome.Timeout);

        Assert.Equal(CircuitState.Closed, View().State);
        Assert.Equal(0.0, View().SuccessRate);
    }

    [Fact]
    public void Record_FullWindowAtThreshold_StaysClosed()
    {
        Record(InferenceOutcome.Success);
        Record(InferenceOutcome.Error);
        Record(InferenceOutcome.Success);
        Record(InferenceOutcome.NonFinite);

        Assert.Equal(CircuitState.Closed, View().State);
        Assert.Equal(0.5, View().SuccessRate);
    }

    [Fact]
    public void Record_FullWindowBelowThreshold_Opens()
    {
        Record(InferenceOutcome.Success);
        Record(InferenceOutcome.Error);
        Record(InferenceOutcome.Error);
        var transition = Record(InferenceOutcome.Timeout);

        Assert.Equal(CircuitState.Open, transition!.Value.To);
        Assert.Equal(_time.GetUtcNow() + TimeSpan.FromMinutes(5), View().OpensUntil);
    }

    [Fact]
    public void Record_NotReady_CountsForNothing()
    {
        Record(InferenceOutcome.Success);
        Record(InferenceOutcome.NotReady);

        Assert.Equal(1, View().Inferences);
        Assert.Equal(1.0, View().SuccessRate);
    }

    [Fact]
    public void Record_WindowSlides_OldestForgotten()
    {
        Record(InferenceOutcome.Error);
        for (var i = 0; i < 4; i++)
        {
            Record(InferenceOutcome.Success);
        }

        Assert.Equal(4, View().Inferences);
        Assert.Equal(1.0, View().SuccessRate);
        Assert.Empty(View().Errors);
    }

    [Fact]
    public void ScoreAccuracy_NextBarDecidesHitOrMiss()
    {
        var start = _time.GetUtcNow();
        _tracker.Predicted("EURUSD", Bar(start, 1.10m), 0.7);
        _tracker.ScoreAccuracy("EURUSD", [Bar(start, 1.10m), Bar(start.AddSeconds(1), 1.11m)]);
        _tracker.Predicted("EURUSD", Bar(start.AddSeconds(1), 1.11m), 0.7);
        _tracker.ScoreAccuracy("EURUSD", [Bar(start.AddSeconds(1), 1.11m), Bar(start.AddSeconds(2), 1.10m)]);

        Assert.Equal(0.5, View().Accuracy);
        Assert.Equal(2, View().AccuracySamples);
    }

    private CircuitTransition? Record(InferenceOutcome outcome) =>
        _tracker.Record(_tracker.NextInferenceId(), new(outcome, 1.0, outcome == InferenceOutcome.Success ? null : "kind"), _time.GetUtcNow());

    private ModelHealthView View() => _tracker.View("m", "1", "test", _time.GetUtcNow());

    private static Bar Bar(DateTimeOffset time, decimal close) => new(time, close, close, close, close, 0m);
}
