using AriaPro.Grains.Interfaces.MarketData;
using AriaPro.Grains.Tests.Cluster;

namespace AriaPro.Grains.Tests.MarketData;

[Collection(ClusterCollection.Name), Trait("Category", "Integration")]
public sealed class MarketDataGrainTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Activation_LoadsHistory_QuoteHasRealisticLevelAndSpread()
    {
        var grain = fixture.Grains.GetGrain<IMarketDataGrain>("USDJPY");

        var snapshot = await grain.GetSnapshot();

        Assert.Equal(fixture.Configuration.MarketData.HistoryBars, snapshot.BarCount);
        Assert.InRange(snapshot.Quote.Mid, 100m, 200m);
        Assert.True(snapshot.Quote.Ask > snapshot.Quote.Bid);
        Assert.InRange(snapshot.Quote.Ask - snapshot.Quote.Bid, 0.001m, 0.2m);
        Assert.Equal("synthetic", snapshot.Feed);
        Assert.True(snapshot.Volatility.LongWindow > 0.0);
    }

    [Fact]
    public async Task Advance_PullsBarsAndMovesTheWindow()
    {
        var grain = fixture.Grains.GetGrain<IMarketDataGrain>("NZDUSD");
        var before = await grain.GetBars(1);

        var pulled = await grain.Advance(25);
        var after = await grain.GetBars(26);

        Assert.Equal(25, pulled);
        Assert.Equal(before[0], after[0]);
        Assert.True(after.Zip(after.Skip(1)).All(p => p.First.Time < p.Second.Time));
    }

    [Fact]
    public async Task GetReturns_AFreshGrain_HasAFullDailyWindowFromTheSyntheticHistory_EndingYesterday()
    {
        var grain = fixture.Grains.GetGrain<IMarketDataGrain>("AUDNZD");
        var window = await grain.GetReturns();
        var bars = (await grain.GetSnapshot()).BarCount;
        var expected = AriaPro.Grains.MarketData.SyntheticFeed.DailyReturns("AUDNZD", fixture.Configuration.MarketData,
            fixture.Configuration.Risk.LookbackDays, DateOnly.FromDateTime(fixture.Time.GetUtcNow().UtcDateTime));

        Assert.Equal(expected, window.Daily);
        Assert.Equal(DateOnly.FromDateTime(fixture.Time.GetUtcNow().UtcDateTime).AddDays(-1), window.LastDay);
        Assert.Equal("synthetic daily history (seed 42)", window.Source);
        Assert.Equal(Math.Min(fixture.Configuration.MarketData.LongVolatilityBars, bars - 1), window.Bars.Count);
        Assert.Equal(TimeSpan.FromSeconds(1), window.BarInterval);
    }

    [Fact]
    public async Task GetReturns_EveryMarketDayTheBarsComplete_IsAppended_AndTheWindowSurvivesReactivation()
    {
        var grain = fixture.Grains.GetGrain<IMarketDataGrain>("GBPAUD");
        var before = await grain.GetReturns();

        // One-second bars from 08:00: the rest of the first (partial) day, then a whole day, then one bar more.
        var latest = (await grain.GetBars(1))[0].Time;
        var toSecondMidnight = (int)(latest.Date.AddDays(2) - latest).TotalSeconds;
        var pulled = 0;
        while (pulled < toSecondMidnight)
        {
            pulled += await grain.Advance(Math.Min(MarketDataGrainAdvanceLimit, toSecondMidnight - pulled));
        }

        var closes = await grain.GetBars(2);
        var after = await grain.GetReturns();
        await fixture.Cluster.DeactivateAsync(grain);
        var reactivated = await fixture.Grains.GetGrain<IMarketDataGrain>("GBPAUD").GetReturns();

        Assert.Equal(before.Daily.Count, after.Daily.Count); // full: the oldest day made room
        Assert.Equal(before.Daily.Skip(1), after.Daily.Take(after.Daily.Count - 1));
        Assert.Equal(DateOnly.FromDateTime(latest.UtcDateTime).AddDays(1), after.LastDay);
        Assert.EndsWith("then 1 day of the feed's bars", after.Source);
        Assert.True(closes[1].Time.TimeOfDay == TimeSpan.Zero, "the last bar opens the third day");
        Assert.Equal(after.Daily, reactivated.Daily);
        Assert.Equal(after.LastDay, reactivated.LastDay);
    }

    private const int MarketDataGrainAdvanceLimit = AriaPro.Grains.MarketData.MarketDataGrain.MaxAdvanceBars;
}
