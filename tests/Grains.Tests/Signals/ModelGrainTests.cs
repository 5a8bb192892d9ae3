using AriaPro.Grains.Interfaces.MarketData;
using AriaPro.Grains.Interfaces.Signals;
using AriaPro.Grains.Interfaces.Trading;
using AriaPro.Grains.Tests.Cluster;

namespace AriaPro.Grains.Tests.Signals;

[Collection(ClusterCollection.Name), Trait("Category", "Integration")]
public sealed class ModelGrainTests(ClusterFixture fixture)
{
    private static readonly IReadOnlyList<Bar> Bars = [new(new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.Zero), 1.1m, 1.1m, 1.1m, 1.1m, 0m)];

    [Fact]
    public async Task Infer_ModelSlowerThanTimeout_TimesOutAsAFailure()
    {
        var inference = Model("test-slow").Infer("EURUSD", Bars);
        await fixture.Slow.Started.WaitAsync(TimeSpan.FromSeconds(10));

        fixture.Time.Advance(ClusterFixture.ModelTimeout);
        var result = await inference;
        fixture.Slow.Release();
        var health = await Model("test-slow").GetHealth();

        Assert.Equal(InferenceOutcome.Timeout, result.Outcome);
        Assert.Null(result.ProbabilityUp);
        Assert.Contains("AI_MODEL_TIMEOUT", result.Message);
        Assert.Equal(1, health.Errors["Timeout"]);
        Assert.Equal(0.0, health.SuccessRate);
    }

    [Fact]
    public async Task Infer_ThrowingModel_FailsUntilFullWindowThenOpens()
    {
        var results = new List<ModelInference>();
        for (var i = 0; i < 5; i++)
        {
            results.Add(await Model("test-throw").Infer("EURUSD", Bars));
        }

        var health = await Model("test-throw").GetHealth();

        Assert.All(results.Take(4), r => Assert.Equal(InferenceOutcome.Error, r.Outcome));
        Assert.Equal(InferenceOutcome.Skipped, results[4].Outcome);
        Assert.Contains("switched off", results[4].Message);
        Assert.Equal(CircuitState.Open, health.State);
        Assert.Equal(4, health.Errors["Error: InvalidOperationException"]);
        Assert.Contains("success rate 0.00 over the last 4 inferences is below 0.50", health.Reason);
    }

    [Fact]
    public async Task Infer_NaNProbability_IsAFailureNotASignal()
    {
        var result = await Model("test-nan").Infer("EURUSD", Bars);

        Assert.Equal(InferenceOutcome.NonFinite, result.Outcome);
        Assert.Null(result.ProbabilityUp);
        Assert.Equal(0.0, result.SuccessRate);
    }

    [Fact]
    public async Task Breaker_HalfOpenProbe_SuccessClosesFailureReopens()
    {
        fixture.Flaky.Mode = "throw";
        for (var i = 0; i < 4; i++)
        {
            await Model("test-flaky").Infer("GBPUSD", Bars);
        }

        var open = await Model("test-flaky").GetHealth();
        fixture.Time.Advance(ClusterFixture.Cooldown);
        var halfOpen = await Model("test-flaky").GetHealth();
        var failedProbe = await Model("test-flaky").Infer("GBPUSD", Bars);
        var reopened = await Model("test-flaky").GetHealth();
        fixture.Time.Advance(ClusterFixture.Cooldown);
        fixture.Flaky.Mode = "succeed";
        var probe = await Model("test-flaky").Infer("GBPUSD", Bars);
        var closed = await Model("test-flaky").GetHealth();

        Assert.Equal(CircuitState.Open, open.State);
        Assert.Equal(CircuitState.HalfOpen, halfOpen.State);
        Assert.Equal(InferenceOutcome.Error, failedProbe.Outcome);
        Assert.Equal(CircuitState.Open, reopened.State);
        Assert.Equal(InferenceOutcome.Success, probe.Outcome);
        Assert.Equal(0.7, probe.ProbabilityUp);
        Assert.Equal(CircuitState.Closed, closed.State);
        Assert.Equal(0, closed.Inferences);
    }

    [Fact]
    public async Task Health_OpenBreaker_SurvivesReactivation()
    {
        for (var i = 0; i < 4; i++)
        {
            await Model("test-durable").Infer("EURUSD", Bars);
        }

        await fixture.Cluster.DeactivateAsync(Model("test-durable"));
        var health = await Model("test-durable").GetHealth();

        Assert.Equal(CircuitState.Open, health.State);
        Assert.Equal(4, health.Inferences);
    }

    [Fact]
    public async Task IsolateAndReset_HoldOffThenRestore()
    {
        var isolated = await Model("trend").Isolate("model review");
        var skipped = await Model("trend").Infer("EURUSD", Bars);
        var reset = await Model("trend").Reset();

        Assert.Equal(CircuitState.Isolated, isolated.State);
        Assert.Equal(InferenceOutcome.Skipped, skipped.Outcome);
        Assert.Contains("model review", skipped.Message);
        Assert.Equal(CircuitState.Closed, reset.State);
    }

    [Fact]
    public async Task Infer_BuiltInModelWithTooFewBars_SaysNotReadyWithoutFailing()
    {
        var result = await Model("breakout").Infer("EURUSD", Bars);
        var health = await Model("breakout").GetHealth();

        Assert.Equal(InferenceOutcome.NotReady, result.Outcome);
        Assert.Contains("needs 51 bars, has 1", result.Message);
        Assert.Equal("needs 51 bars, has 1", health.NotReady);
        Assert.Empty(health.Errors);
    }

    private IModelGrain Model(string id) => fixture.Grains.GetGrain<IModelGrain>(id);
}
