using AriaPro.Grains.Interfaces.MarketData;
using AriaPro.Grains.MarketData;

namespace AriaPro.Grains.Tests.MarketData;

[Trait("Category", "Unit")]
public sealed class CsvReplayFeedTests
{
    private static readonly SymbolInfo EurUsd = SymbolCatalog.Get("EURUSD");

    [Fact]
    public void History_MoreThanHalf_TakesAtMostHalfTheFile()
    {
        var feed = new CsvReplayFeed(EurUsd, Bars(10), "eurusd.csv");

        var history = feed.History(500);

        Assert.Equal([1m, 2m, 3m, 4m, 5m], history.Select(b => b.Bar.Close));
        Assert.Equal(5, feed.Remaining);
    }

    [Fact]
    public void Next_AfterHistory_WalksForwardThenReturnsNull()
    {
        var feed = new CsvReplayFeed(EurUsd, Bars(4), "eurusd.csv");
        feed.History(1);

        var closes = new List<decimal>();
        while (feed.Next() is { } bar)
        {
            closes.Add(bar.Bar.Close);
        }

        Assert.Equal([2m, 3m, 4m], closes);
        Assert.Null(feed.Next());
    }

    [Fact]
    public void Next_Bars_CarryCatalogSpreadAndNameTheFile()
    {
        var feed = new CsvReplayFeed(EurUsd, Bars(2), "eurusd.csv");

        var bar = feed.Next();

        Assert.Equal(EurUsd.Spread, bar!.Spread);
        Assert.False(bar.Turbulent);
        Assert.Equal("csv:eurusd.csv", feed.Name);
        Assert.Equal("EURUSD", feed.Symbol);
    }

    [Fact]
    public void History_Twice_Throws()
    {
        var feed = new CsvReplayFeed(EurUsd, Bars(4), "eurusd.csv");
        feed.History(1);

        Assert.Throws<InvalidOperationException>(() => feed.History(1));
    }

    private static List<Bar> Bars(int count) =>
        Enumerable.Range(1, count)
            .Select(i => new Bar(DateTimeOffset.UnixEpoch.AddDays(i), i, i, i, i, 0m))
            .ToList();
}
