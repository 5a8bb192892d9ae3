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
}
