namespace AriaPro.Grains.MarketData;

/// <summary>Static market facts about one currency pair.</summary>
/// <param name="Symbol">Six letters, base then quote currency, e.g. EURUSD.</param>
/// <param name="BaseCurrency">The currency bought or sold.</param>
/// <param name="QuoteCurrency">The currency the price is expressed in.</param>
/// <param name="InitialPrice">A realistic level to start a synthetic feed from.</param>
/// <param name="PipSize">Price of one pip.</param>
/// <param name="SpreadPips">Typical calm-market spread in pips.</param>
/// <param name="AnnualVolatility">Annualized volatility of log returns in a calm market.</param>
/// <param name="Decimals">Decimals prices are quoted with (one more than the pip: fractional pips).</param>
/// <param name="IsDerived">True when a currency is unknown and the level comes from a hash.</param>
public sealed record SymbolInfo(
    string Symbol,
    string BaseCurrency,
    string QuoteCurrency,
    decimal InitialPrice,
    decimal PipSize,
    decimal SpreadPips,
    double AnnualVolatility,
    int Decimals,
    bool IsDerived)
{
    /// <summary>Typical calm-market spread as a price difference.</summary>
    public decimal Spread => SpreadPips * PipSize;

    /// <summary>Smallest quoted price increment.</summary>
    public decimal Tick => PipSize / 10m;

    /// <summary>Rounds <paramref name="price"/> to the pair's decimals.</summary>
    public decimal Round(decimal price) => Math.Round(price, Decimals, MidpointRounding.AwayFromZero);
}
