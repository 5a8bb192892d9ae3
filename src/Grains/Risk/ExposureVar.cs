using AriaPro.Grains.MarketData;
using MathNet.Numerics.Distributions;

namespace AriaPro.Grains.Risk;

/// <summary>
/// The pre-trade 1-day VaR of a set of exposures: z(c) × Σ |notional| × daily volatility, each
/// symbol's daily volatility being its annual calm volatility / √252. Adding the symbols' VaRs
/// assumes they move together (correlation 1), an upper bound that needs no correlation estimate
/// and can only err on the safe side. It is arithmetic over a handful of numbers, cheap enough
/// for every order.
/// </summary>
public static class ExposureVar
{
    private const double TradingDaysPerYear = 252.0;

    /// <summary>The z of a one-sided confidence, e.g. 1.645 for 0.95.</summary>
    public static double Z(double confidence) => Normal.InvCDF(0.0, 1.0, confidence);

    /// <summary>A symbol's assumed 1-day volatility of returns.</summary>
    public static double DailyVolatility(string symbol) => SymbolCatalog.Get(symbol).AnnualVolatility / Math.Sqrt(TradingDaysPerYear);

    /// <summary>1-day VaR, in the account currency, of one symbol's notional.</summary>
    public static decimal Of(string symbol, decimal notional, double z) =>
        Math.Abs(notional) * (decimal)(z * DailyVolatility(symbol));
}
