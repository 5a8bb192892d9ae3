namespace AriaPro.Grains.MarketData;

/// <summary>Source of market data.</summary>
public enum FeedKind
{
    Synthetic,
    Csv,
}
