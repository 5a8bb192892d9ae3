namespace AriaPro.Grains.MarketData;

/// <summary>
/// A source of bars for one symbol. <see cref="History"/> is called once, on start, to warm up;
/// then <see cref="Next"/> is called for each new bar. Not thread-safe: a grain owns it.
/// </summary>
public interface IMarketFeed
{
    /// <summary>Name shown in snapshots, e.g. <c>synthetic</c> or <c>csv:eurusd.csv</c>.</summary>
    string Name { get; }

    /// <summary>Symbol the feed prices, upper case.</summary>
    string Symbol { get; }

    /// <summary>Up to <paramref name="count"/> bars of warm-up history, oldest first; call once, before <see cref="Next"/>.</summary>
    IReadOnlyList<FeedBar> History(int count);

    /// <summary>The next bar, or null when a replay is exhausted.</summary>
    FeedBar? Next();
}
