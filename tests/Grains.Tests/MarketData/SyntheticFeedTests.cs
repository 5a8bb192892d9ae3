using AriaPro.Grains.MarketData;

namespace AriaPro.Grains.Tests.MarketData;

[Trait("Category", "Unit")]
public sealed class SyntheticFeedTests
{
    private static readonly DateTimeOffset Start = new(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Next_SameSeed_GivesIdenticalBars()
    {
        var first = Generate("EURUSD", seed: 7, count: 500);
        var second = Generate("EURUSD", seed: 7, count: 500);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Next_DifferentSeed_GivesDifferentBars()
    {
        var first = Generate("EURUSD", seed: 7, count: 100);
        var second = Generate("EURUSD", seed: 8, count: 100);

        Assert.NotEqual(first.Select(b => b.Bar.Close), second.Select(b => b.Bar.Close));
    }

    [Fact]
    public void Next_DifferentSymbolsSameSeed_WalkDifferently()
    {
        var eur = Generate("EURUSD", seed: 7, count: 100).Select(b => b.Bar.Close / b.Bar.Open);
        var gbp = Generate("GBPUSD", seed: 7, count: 100).Select(b => b.Bar.Close / b.Bar.Open);

        Assert.NotEqual(eur, gbp);
    }

    [Theory]
    [InlineData("EURUSD")]
    [InlineData("USDJPY")]
    [InlineData("USDQQQ")]
    public void Next_ManyBars_AreConsistentOhlcAtPairDecimals(string symbol)
    {
        var info = SymbolCatalog.Get(symbol);

        var bars = Generate(symbol, seed: 42, count: 5000);

        Assert.All(bars, b =>
        {
            Assert.True(b.Bar.High >= Math.Max(b.Bar.Open, b.Bar.Close));
            Assert.True(b.Bar.Low <= Math.Min(b.Bar.Open, b.Bar.Close));
            Assert.True(b.Bar.Low > 0);
            Assert.True(b.Bar.Volume >= 1);
            Assert.True(b.Spread >= info.Tick);
            Assert.Equal(b.Bar.Close, info.Round(b.Bar.Close));
            Assert.Equal(b.Bar.High, info.Round(b.Bar.High));
        });
    }

    [Fact]
    public void Next_ConsecutiveBars_OpenAtPreviousCloseOneIntervalApart()
    {
        var bars = Generate("EURUSD", seed: 1, count: 50);

        for (var i = 1; i < bars.Count; i++)
        {
            Assert.Equal(bars[i - 1].Bar.Close, bars[i].Bar.Open);
            Assert.Equal(TimeSpan.FromSeconds(1), bars[i].Bar.Time - bars[i - 1].Bar.Time);
        }
    }

    [Fact]
    public void History_ThenNext_HistoryEndsJustBeforeStart()
    {
        var feed = new SyntheticFeed(SymbolCatalog.Get("EURUSD"), 3, TimeSpan.FromSeconds(1), Start);

        var history = feed.History(10);
        var next = feed.Next();

        Assert.Equal(10, history.Count);
        Assert.Equal(Start.AddSeconds(-10), history[0].Bar.Time);
        Assert.Equal(Start, next!.Bar.Time);
        Assert.Equal(history[^1].Bar.Close, next.Bar.Open);
        Assert.Equal(SymbolCatalog.Get("EURUSD").InitialPrice, history[0].Bar.Open);
    }

    [Fact]
    public void History_AfterNext_Throws()
    {
        var feed = new SyntheticFeed(SymbolCatalog.Get("EURUSD"), 3, TimeSpan.FromSeconds(1), Start);
        feed.Next();

        Assert.Throws<InvalidOperationException>(() => feed.History(5));
    }

    [Fact]
    public void Next_OneSecondBars_MoveVisiblyForADemo()
    {
        var info = SymbolCatalog.Get("EURUSD");

        var bars = Generate("EURUSD", seed: 42, count: 60);

        var moving = bars.Count(b => b.Bar.Close != b.Bar.Open);
        Assert.True(moving >= 50, $"only {moving} of 60 bars moved");
        Assert.True(bars.Max(b => b.Bar.High) - bars.Min(b => b.Bar.Low) >= 2 * info.PipSize);
    }

    [Fact]
    public void Next_TwentyThousandBars_SwitchBetweenCalmAndTurbulentRegimes()
    {
        var bars = Generate("EURUSD", seed: 42, count: 20_000);

        var turbulent = bars.Count(b => b.Turbulent);
        var stretches = 1 + Enumerable.Range(1, bars.Count - 1).Count(i => bars[i].Turbulent != bars[i - 1].Turbulent);
        Assert.InRange(turbulent, 500, 6000);
        Assert.InRange(stretches, 40, 400);
    }

    [Fact]
    public void Next_TurbulentStretches_HaveHigherVolatilityAndWiderSpreads()
    {
        var bars = Generate("EURUSD", seed: 42, count: 20_000);

        var calm = Returns(bars, turbulent: false);
        var turbulent = Returns(bars, turbulent: true);
        var ratio = StandardDeviation(turbulent) / StandardDeviation(calm);
        Assert.InRange(ratio, 2.5, 3.5);
        Assert.True(bars.Where(b => b.Turbulent).Average(b => b.Spread) > 2 * bars.Where(b => !b.Turbulent).Average(b => b.Spread));
    }

    [Fact]
    public void Create_FromOptions_UsesSeedAndBarInterval()
    {
        var options = new MarketDataOptions { Seed = 9, BarInterval = TimeSpan.FromMinutes(1) };

        var first = SyntheticFeed.Create("usdjpy", options, Start);
        var second = SyntheticFeed.Create("USDJPY", options, Start);

        Assert.Equal("USDJPY", first.Symbol);
        Assert.Equal(SyntheticFeed.FeedName, first.Name);
        Assert.Equal(first.History(20), second.History(20));
        Assert.Equal(Start, first.Next()!.Bar.Time);
        Assert.Equal(Start.AddMinutes(1), first.Next()!.Bar.Time);
    }

    [Fact]
    public void DailyReturns_SameSeed_SameDays_AndTheirDeviationIsTheCatalogsDailyVolatility()
    {
        var options = new MarketDataOptions { Seed = 42 };
        var end = new DateOnly(2026, 1, 5);

        var first = SyntheticFeed.DailyReturns("EURUSD", options, 2_000, end);
        var again = SyntheticFeed.DailyReturns("EURUSD", options, 2_000, end);
        var other = SyntheticFeed.DailyReturns("GBPUSD", options, 2_000, end);

        Assert.Equal(2_000, first.Count);
        Assert.Equal(first, again);
        Assert.NotEqual(first, other);

        // Calm days move by annual volatility / sqrt(252); turbulent stretches (30 days in 330 on
        // average, at three times that) raise the deviation to about sqrt(0.91 + 0.09 x 9) = 1.31x of it.
        var daily = SymbolCatalog.Get("EURUSD").AnnualVolatility / Math.Sqrt(252);
        var ratio = StandardDeviation(first.ToList()) / daily;
        Assert.InRange(ratio, 1.2, 1.55);
    }

    private static List<FeedBar> Generate(string symbol, int seed, int count)
    {
        var feed = new SyntheticFeed(SymbolCatalog.Get(symbol), seed, TimeSpan.FromSeconds(1), Start);
        var bars = new List<FeedBar>(count);
        for (var i = 0; i < count; i++)
        {
            bars.Add(feed.Next()!);
        }

        return bars;
    }

    private static List<double> Returns(List<FeedBar> bars, bool turbulent) =>
        bars.Where(b => b.Turbulent == turbulent).Select(b => Math.Log((double)b.Bar.Close / (double)b.Bar.Open)).ToList();

    private static double StandardDeviation(List<double> values)
    {
        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
    }
}
