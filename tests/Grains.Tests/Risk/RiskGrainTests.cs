using AriaPro.Grains.Hosting;
using AriaPro.Grains.Interfaces.Risk;
using AriaPro.Grains.Risk;
using AriaPro.Grains.Tests.Cluster;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace AriaPro.Grains.Tests.Risk;

[Collection(ClusterCollection.Name), Trait("Category", "Integration")]
public sealed class RiskGrainTests(ClusterFixture fixture)
{
    private IRiskGrain Risk => fixture.Grains.GetGrain<IRiskGrain>(IRiskGrain.Portfolio);

    [Fact]
    public async Task CheckOrder_ExposureBeyondBudget_DeniedWithFigures()
    {
        var decision = await Risk.CheckOrder(new("EURUSD", 0m, 5_000m, 1.085m));

        Assert.False(decision.Allowed);
        Assert.True(decision.VarAfter > 0.02m * decision.Equity);
        Assert.Contains("risk budget exceeded: portfolio 1-day VaR at 95% would be", decision.Reason);
        Assert.Contains("above ARIA_RISK_MAX_VAR 2%", decision.Reason);
    }

    [Fact]
    public async Task CheckOrder_ReducingExposure_AllowedEvenAboveBudget()
    {
        var decision = await Risk.CheckOrder(new("EURUSD", 6_000m, 5_000m, 1.085m));

        Assert.True(decision.Allowed);
        Assert.True(decision.VarAfter < decision.VarBefore);
    }

    [Fact]
    public async Task ReportPosition_ShowsInExposuresWithUsdNotional()
    {
        await Risk.ReportPosition(new("GBPJPY", 0m, 0m, 0m, 190m, ClosedTrades.None));
        await Risk.ReportPosition(new("NZDUSD", -1m, 0.61m, 25m, 0.61m, new ClosedTrades(1, 0, 25m, 0m)));

        var metrics = await Risk.GetMetrics();
        var nzd = metrics.Exposures.Single(e => e.Symbol == "NZDUSD");

        Assert.Equal(-1m, nzd.Quantity);
        Assert.Equal(Math.Round(-100_000m * nzd.MarkPrice, 2), nzd.Notional);
        Assert.Equal(25m, nzd.RealizedPnl);
        Assert.Equal(1, nzd.Kelly.Wins);
        Assert.Equal("USD", metrics.AccountCurrency);
        Assert.Equal(ClusterFixture.Capital + metrics.RealizedPnl + metrics.UnrealizedPnl, metrics.Equity);
    }

    [Fact]
    public async Task GetMetrics_RightAfterAReport_ShowsIt()
    {
        await Risk.ReportPosition(new("CADJPY", 0.25m, 108m, 0m, 108m, ClosedTrades.None));
        var before = await Risk.GetMetrics();
        await Risk.ReportPosition(new("CADJPY", -0.75m, 108m, 0m, 108m, ClosedTrades.None));

        var after = await Risk.GetMetrics();

        Assert.Equal(0.25m, before.Exposures.Single(e => e.Symbol == "CADJPY").Quantity);
        Assert.Equal(-0.75m, after.Exposures.Single(e => e.Symbol == "CADJPY").Quantity);
    }

    [Fact]
    public async Task GetMetrics_ManyReadersAtOnce_AllSeeTheSameFigures()
    {
        await Risk.ReportPosition(new("CADJPY", 0.5m, 108m, 3m, 108.5m, ClosedTrades.None));

        var reads = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Risk.GetMetrics()));

        Assert.All(reads, r => Assert.Equal(reads[0].Equity, r.Equity));
        Assert.All(reads, r => Assert.Equal(0.5m, r.Exposures.Single(e => e.Symbol == "CADJPY").Quantity));
    }

    [Fact]
    public async Task ReportPosition_StoredWithinTheSavePeriodWhileTheGrainStaysActive()
    {
        var report = new PositionReport("CADJPY", 0.37m, 108.25m, 12m, 108.3m, new ClosedTrades(2, 1, 30m, 18m));

        await Risk.ReportPosition(report);

        var stored = await Eventually.Get(StoredRisk, s => s.Positions.GetValueOrDefault("CADJPY") == report, "the position in storage");

        Assert.Equal(report, stored.Positions["CADJPY"]);
    }

    [Fact]
    public async Task EndOfDayReminder_TwiceOnOneDay_ClosesTheDayOnce()
    {
        var reminder = Risk.AsReference<IRemindable>();
        var tick = new TickStatus(fixture.Time.GetUtcNow().UtcDateTime, TimeSpan.FromDays(1), fixture.Time.GetUtcNow().UtcDateTime);
        fixture.Time.Advance(TimeSpan.FromDays(1));
        var before = await Risk.GetMetrics();

        await reminder.ReceiveReminder("end-of-day", tick);
        var afterFirst = await Risk.GetMetrics();
        await reminder.ReceiveReminder("end-of-day", tick);
        var afterSecond = await Risk.GetMetrics();

        Assert.Equal(fixture.Time.GetUtcNow(), afterFirst.LastDayClosed);
        Assert.True(afterFirst.Returns >= before.Returns);
        Assert.Equal(afterFirst.Returns, afterSecond.Returns);
        Assert.Equal(afterFirst.LastDayClosed, afterSecond.LastDayClosed);
    }

    [Fact]
    public async Task CloseDay_Twice_AppendsOneReturnOfEquityChange()
    {
        var first = await Risk.CloseDay();
        var second = await Risk.CloseDay();

        Assert.Equal(first.Returns + 1, second.Returns);
        Assert.Equal(fixture.Time.GetUtcNow(), second.LastDayClosed);
        Assert.Equal("live", second.ReturnsSource);
    }

    // What the storage holds for the portfolio grain now, read past the grain.
    private async Task<RiskState> StoredRisk()
    {
        var storage = fixture.Cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(AriaStorage.Name);
        var state = new GrainState<RiskState>(new RiskState());
        await storage.ReadStateAsync("risk", Risk.GetGrainId(), state);
        return state.State ?? throw new InvalidOperationException("the storage returned no risk state");
    }
}
