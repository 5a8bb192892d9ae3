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
        Assert.Contains("risk budget exceeded: portfolio 1-day VaR at 95% (historical simulation over ", decision.Reason);
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

    [Fact]
    public async Task GetMetrics_TheBooksVarAndCvar_AreHistoricalSimulationOverTheWindows_AndGrowWithThePosition()
    {
        await Risk.ReportPosition(new("CHFJPY", 0m, 0m, 0m, 180m, ClosedTrades.None));
        var flat = await Risk.GetMetrics();
        await Risk.ReportPosition(new("CHFJPY", 5m, 180m, 0m, 180m, ClosedTrades.None));
        var five = await Risk.GetMetrics();
        await Risk.ReportPosition(new("CHFJPY", 10m, 180m, 0m, 180m, ClosedTrades.None));
        var ten = await Risk.GetMetrics();
        await Risk.ReportPosition(new("CHFJPY", 0m, 0m, 0m, 180m, ClosedTrades.None));

        Assert.Equal(BookRisk.HistoricalSimulation, ten.Book.Method);
        Assert.Null(ten.Book.Fallback);
        Assert.Equal(fixture.Configuration.Risk.LookbackDays, ten.Book.Scenarios);
        Assert.StartsWith("252 days: synthetic daily history (seed 42)", ten.Book.Sources["CHFJPY"]);
        Assert.Equal(fixture.Time.GetUtcNow(), ten.Book.AsOf);
        Assert.True(five.VarAmount > flat.VarAmount, $"VaR {flat.VarAmount} flat, {five.VarAmount} with 5 lots");
        Assert.True(ten.VarAmount > five.VarAmount, $"VaR {five.VarAmount} with 5 lots, {ten.VarAmount} with 10");
        Assert.True(ten.CvarAmount > five.CvarAmount);
        Assert.True(ten.CvarAmount >= ten.VarAmount, "CVaR at 99% is at least the VaR at 95%");
        Assert.Equal(ten.VarAmount, ten.Book.Var);
    }

    [Fact]
    public async Task CheckOrder_TheScenarioVarOverTheBudget_IsDeniedWithTheScenarioFigures()
    {
        var price = (await fixture.Grains.GetGrain<Interfaces.MarketData.IMarketDataGrain>("CHFJPY").GetQuote()).Mid;
        var equity = (await Risk.GetMetrics()).Equity;

        // Enough lots that the book's scenario VaR passes 2% of the test account's equity.
        var decision = await Risk.CheckOrder(new("CHFJPY", 0m, 20_000m, price));

        Assert.False(decision.Allowed);
        Assert.Equal(equity, decision.Equity);
        Assert.True(decision.VarAfter > 0.02m * decision.Equity);
        Assert.Contains($"(historical simulation over {fixture.Configuration.Risk.LookbackDays} days to ", decision.Reason);
        Assert.Contains(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"would be {decision.VarAfter:N2} USD"), decision.Reason);
    }

    [Fact]
    public async Task GetMetrics_IntradayEquitySamples_GiveSharpeSortinoAndDrawdownLongBeforeADailySeries()
    {
        var start = (await Risk.GetMetrics()).Intraday.Count;
        decimal[] realized = [0m, 40_000m, 10_000m, 90_000m, 60_000m, 150_000m];
        foreach (var pnl in realized)
        {
            fixture.Time.Advance(RiskGrain.SamplePeriod);
            await Risk.ReportPosition(new("CHFJPY", 0m, 0m, pnl, 180m, ClosedTrades.None));
            await Risk.GetMetrics();
        }

        var metrics = await Risk.GetMetrics();
        await Risk.ReportPosition(new("CHFJPY", 0m, 0m, 0m, 180m, ClosedTrades.None));

        Assert.True(metrics.Intraday.Count >= start + realized.Length - 1, $"{metrics.Intraday.Count} intraday returns, {start} before");
        Assert.NotNull(metrics.Intraday.Sharpe);
        Assert.NotNull(metrics.Intraday.Sortino);
        Assert.True(metrics.Intraday.MaxDrawdown < 0.0, "equity fell from 40,000 to 10,000 above capital");
        Assert.Equal(RiskGrain.IntradayBasis, metrics.IntradayBasis);
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
