using AriaPro.Grains.Interfaces.MarketData;

namespace AriaPro.Grains.MarketData;

/// <summary>A bar with the spread quoted during it and whether the market was turbulent.</summary>
/// <param name="Bar">Prices of the bar.</param>
/// <param name="Spread">Ask minus bid, as a price difference.</param>
/// <param name="Turbulent">True in a high-volatility stretch.</param>
public sealed record FeedBar(Bar Bar, decimal Spread, bool Turbulent);
