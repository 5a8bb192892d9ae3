namespace AriaPro.Grains.MarketData;

/// <summary>Which symbols trade and where their prices come from (<c>ARIA_SYMBOLS</c>, <c>ARIA_FEED*</c>).</summary>
public sealed class MarketDataOptions
{
    /// <summary>Symbols this deployment trades, upper case (<c>ARIA_SYMBOLS</c>).</summary>
    /// <value>The default value is EURUSD, GBPUSD, USDJPY.</value>
    public List<string> Symbols { get; set; } = ["EURUSD", "GBPUSD", "USDJPY"];

    /// <summary>Synthetic random walk, or CSV replay (<c>ARIA_FEED</c> = <c>synthetic</c> or <c>csv:PATH[,SYMBOL]</c>).</summary>
    public FeedKind Feed { get; set; } = FeedKind.Synthetic;

    /// <summary>File replayed by the CSV feed.</summary>
    public string? CsvPath { get; set; }

    /// <summary>Symbol the CSV file belongs to; null replays it for every symbol.</summary>
    public string? CsvSymbol { get; set; }

    /// <summary>
    /// A CSV file per symbol (upper case), for a CSV feed of several pairs (a replay of several
    /// files); when it holds any, it replaces <see cref="CsvPath"/> and <see cref="CsvSymbol"/>.
    /// </summary>
    public Dictionary<string, string> CsvFiles { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Market time per wall-clock time (<c>ARIA_FEED_SPEED</c>): 60 makes a minute pass every second.</summary>
    /// <value>The default value is 1.</value>
    public double Speed { get; set; } = 1.0;

    /// <summary>Seed of the synthetic feed (<c>ARIA_FEED_SEED</c>); the same seed gives the same prices.</summary>
    /// <value>The default value is 42.</value>
    public int Seed { get; set; } = 42;

    /// <summary>Length of one synthetic bar in market time (<c>ARIA_FEED_BAR_SECONDS</c>).</summary>
    /// <value>The default value is 1 second.</value>
    public TimeSpan BarInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Bars generated (or replayed) on start, so volatility and signals are meaningful at once.</summary>
    /// <value>The default value is 500.</value>
    public int HistoryBars { get; set; } = 500;

    /// <summary>Bars kept in the rolling window.</summary>
    /// <value>The default value is 2000.</value>
    public int WindowBars { get; set; } = 2000;

    /// <summary>Bars in the short realized-volatility window.</summary>
    public int ShortVolatilityBars { get; set; } = 30;

    /// <summary>Bars in the long realized-volatility window (the baseline).</summary>
    public int LongVolatilityBars { get; set; } = 500;

    /// <summary>True when <paramref name="symbol"/> is traded here.</summary>
    public bool IsKnown(string symbol) => Symbols.Contains(symbol, StringComparer.OrdinalIgnoreCase);

    /// <summary>Why <paramref name="symbol"/> cannot be used here, in the words every door answers with; null when it is traded.</summary>
    public string? NotTraded(string symbol) =>
        IsKnown(symbol) ? null : $"symbol '{symbol}' is not traded here; traded symbols: {string.Join(", ", Symbols)}";

    /// <summary>
    /// Refuses, before anything is activated for it, a grain keyed by a symbol that is not traded
    /// here: a trader, market data or signal grain for it would start a feed, timers and alerts for a
    /// symbol nobody trades.
    /// </summary>
    /// <exception cref="ArgumentException">The symbol is not traded here.</exception>
    public void EnsureTraded(string symbol)
    {
        if (NotTraded(symbol) is { } reason)
        {
            throw new ArgumentException(reason);
        }
    }
}
