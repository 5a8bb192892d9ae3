using AriaPro.Grains.MarketData;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AriaPro.Grains.Tests.MarketData;

[Trait("Category", "Unit")]
public sealed class MarketFeedFactoryTests : IDisposable
{
    private const string Csv = "Date,Open,High,Low,Close\n2024-03-01,1.1,1.2,1.0,1.15\n2024-03-02,1.1,oops,1.0,1.15\n2024-03-03,1.15,1.2,1.1,1.12\n2024-03-04,1.12,1.3,1.1,1.25\n";

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 3, 9, 0, 0, 400, TimeSpan.Zero));
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"aria-feed-{Guid.NewGuid():N}.csv");

    public void Dispose() => File.Delete(_path);

    [Fact]
    public void Create_Synthetic_StartsAtTheAlignedClockTime()
    {
        var factory = Factory(new MarketDataOptions());

        var feed = factory.Create("eurusd");

        Assert.Equal(SyntheticFeed.FeedName, feed.Name);
        Assert.Equal("EURUSD", feed.Symbol);
        Assert.Equal(new DateTimeOffset(2025, 3, 3, 9, 0, 0, TimeSpan.Zero), feed.Next()!.Bar.Time);
    }

    [Fact]
    public void Create_SyntheticSameOptions_GivesSameBars()
    {
        var options = new MarketDataOptions { Seed = 5 };

        var first = Factory(options).Create("GBPUSD").History(50);
        var second = Factory(options).Create("GBPUSD").History(50);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Create_CsvForEverySymbol_ReplaysTheFile()
    {
        File.WriteAllText(_path, Csv);
        var factory = Factory(new MarketDataOptions { Feed = FeedKind.Csv, CsvPath = _path });

        var feed = factory.Create("USDJPY");

        Assert.Equal($"csv:{Path.GetFileName(_path)}", feed.Name);
        Assert.Equal(1.15m, feed.Next()!.Bar.Close);
    }

    [Fact]
    public void Create_CsvSymbolSet_OnlyThatSymbolReplays()
    {
        File.WriteAllText(_path, Csv);
        var factory = Factory(new MarketDataOptions { Feed = FeedKind.Csv, CsvPath = _path, CsvSymbol = "eurusd" });

        var eur = factory.Create("EURUSD");
        var gbp = factory.Create("GBPUSD");

        Assert.StartsWith("csv:", eur.Name);
        Assert.Equal(SyntheticFeed.FeedName, gbp.Name);
    }

    [Fact]
    public void Create_CsvTwice_ParsesOnceAndLogsMalformedRows()
    {
        File.WriteAllText(_path, Csv);
        var logger = new ListLogger<MarketFeedFactory>();
        var factory = Factory(new MarketDataOptions { Feed = FeedKind.Csv, CsvPath = _path }, logger);

        factory.Create("EURUSD");
        File.Delete(_path);
        var second = factory.Create("GBPUSD");

        Assert.NotNull(second.Next());
        var warnings = logger.Entries.Where(e => e.Level == LogLevel.Warning).Select(e => e.Message).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.Contains("Skipped 1 malformed rows", warnings[0]);
        Assert.Contains("line 3: high 'oops' is not a number", warnings[1]);
    }

    [Fact]
    public void Create_CsvFileMissing_ThrowsNamingThePath()
    {
        var factory = Factory(new MarketDataOptions { Feed = FeedKind.Csv, CsvPath = _path });

        var ex = Assert.Throws<FileNotFoundException>(() => factory.Create("EURUSD"));

        Assert.Contains(_path, ex.Message);
    }

    [Fact]
    public void Create_CsvPathEmpty_ThrowsNamingTheVariable()
    {
        var factory = Factory(new MarketDataOptions { Feed = FeedKind.Csv });

        var ex = Assert.Throws<InvalidOperationException>(() => factory.Create("EURUSD"));

        Assert.Contains("ARIA_FEED", ex.Message);
    }

    [Fact]
    public void Create_CsvWithoutValidBars_Throws()
    {
        File.WriteAllText(_path, "Date,Open,High,Low,Close\n2024-03-01,x,1.2,1.0,1.15\n");
        var factory = Factory(new MarketDataOptions { Feed = FeedKind.Csv, CsvPath = _path });

        var ex = Assert.Throws<InvalidDataException>(() => factory.Create("EURUSD"));

        Assert.Contains("no valid bar", ex.Message);
    }

    [Fact]
    public void Create_InvalidSymbol_ThrowsArgumentException()
    {
        var factory = Factory(new MarketDataOptions());

        Assert.Throws<ArgumentException>(() => factory.Create("EUR"));
    }

    private MarketFeedFactory Factory(MarketDataOptions options, ILogger<MarketFeedFactory>? logger = null) =>
        new(Options.Create(options), _time, logger ?? NullLogger<MarketFeedFactory>.Instance);
}
