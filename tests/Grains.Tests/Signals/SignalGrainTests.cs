using AriaPro.Grains.Interfaces.MarketData;
using AriaPro.Grains.Interfaces.Signals;
using AriaPro.Grains.Signals;
using AriaPro.Grains.Tests.Cluster;
using AriaPro.Grains.Tests.MarketData;

namespace AriaPro.Grains.Tests.Signals;

[Collection(ClusterCollection.Name), Trait("Category", "Integration")]
public sealed class SignalGrainTests(ClusterFixture fixture)
{
    [Fact]
    public async Task RunOnce_FusesEveryBuiltInModel_WeightsSumToOne()
    {
        var signal = fixture.Grains.GetGrain<ISignalGrain>("EURJPY");

        var view = await signal.RunOnce();
        var latest = await signal.GetLatest();

        Assert.Equal((view.Time, view.Score), (latest!.Time, latest.Score));
        Assert.Equal(["breakout", "mean-reversion", "trend"], view.Contributions.Select(c => c.ModelId).Order());
        Assert.All(view.Contributions, c => Assert.Equal(InferenceOutcome.Success, c.Outcome));
        Assert.Equal(1.0, view.Contributions.Sum(c => c.Weight), 12);
        Assert.Equal(view.Contributions.Sum(c => c.Weight * c.ProbabilityUp!.Value), view.ProbabilityUp, 12);
        Assert.Equal(2.0 * view.ProbabilityUp - 1.0, view.Score, 12);
        Assert.Equal("auto-trading off", view.Action);
        Assert.Null(view.ClientOrderId);
        Assert.InRange(view.AnalysisIntervalSeconds, 15.0, 240.0);
    }

    [Fact]
    public async Task RunOnce_TurbulentThenCalmMarket_AnalysesMoreThenLessOftenThanTheBase()
    {
        const string symbol = "AUDCAD";
        var market = fixture.Grains.GetGrain<IMarketDataGrain>(symbol);
        var signal = fixture.Grains.GetGrain<ISignalGrain>(symbol);
        var baseInterval = fixture.Configuration.AutoTrader.AnalysisInterval;

        var turbulent = await MarketDataAdvance.UntilRatio(market, r => r > 1.25);
        var often = await signal.RunOnce();
        var calm = await MarketDataAdvance.UntilRatio(market, r => r < 0.8);
        var seldom = await signal.RunOnce();

        Assert.Equal(AnalysisInterval.Compute(baseInterval, turbulent).TotalSeconds, often.AnalysisIntervalSeconds, 9);
        Assert.True(often.AnalysisIntervalSeconds < baseInterval.TotalSeconds, $"ratio {turbulent}: {often.AnalysisIntervalSeconds} s");
        Assert.Equal(AnalysisInterval.Compute(baseInterval, calm).TotalSeconds, seldom.AnalysisIntervalSeconds, 9);
        Assert.True(seldom.AnalysisIntervalSeconds > baseInterval.TotalSeconds, $"ratio {calm}: {seldom.AnalysisIntervalSeconds} s");
    }
}
