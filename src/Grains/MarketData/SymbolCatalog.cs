using System.Collections.Frozen;
using AriaPro.Grains.Interfaces.Trading;

namespace AriaPro.Grains.MarketData;

/// <summary>
/// Realistic levels, pip sizes, spreads and volatilities of currency pairs. It holds one US
/// dollar value per currency and derives any pair as usd(base) / usd(quote), so crosses stay
/// consistent with the majors. Unknown codes get a plausible level from a stable hash.
/// </summary>
public static class SymbolCatalog
{
    private const decimal MinimumSpreadPips = 0.5m;

    private static readonly FrozenDictionary<string, CurrencyInfo> Currencies = new CurrencyInfo[]
    {
        new("USD", 1m, CurrencyTier.Major),
        new("EUR", 1.085m, CurrencyTier.Major),
        new("GBP", 1.27m, CurrencyTier.Major),
        new("JPY", 1m / 150m, CurrencyTier.Major),
        new("CHF", 1m / 0.88m, CurrencyTier.Commodity),
        new("AUD", 0.66m, CurrencyTier.Commodity),
        new("NZD", 0.61m, CurrencyTier.Commodity),
        new("CAD", 1m / 1.36m, CurrencyTier.Commodity),
        new("SEK", 1m / 10.5m, CurrencyTier.Minor),
        new("NOK", 1m / 10.7m, CurrencyTier.Minor),
        new("DKK", 1m / 6.87m, CurrencyTier.Minor),
        new("SGD", 1m / 1.34m, CurrencyTier.Minor),
        new("HKD", 1m / 7.82m, CurrencyTier.Minor),
        new("CNH", 1m / 7.22m, CurrencyTier.Minor),
        new("PLN", 1m / 4.0m, CurrencyTier.Minor),
        new("CZK", 1m / 23.0m, CurrencyTier.Minor),
        new("ILS", 1m / 3.7m, CurrencyTier.Minor),
        new("HUF", 1m / 360m, CurrencyTier.Exotic),
        new("MXN", 1m / 17.1m, CurrencyTier.Exotic),
        new("ZAR", 1m / 18.6m, CurrencyTier.Exotic),
        new("TRY", 1m / 32.0m, CurrencyTier.Exotic),
        new("BRL", 1m / 5.0m, CurrencyTier.Exotic),
        new("INR", 1m / 83.0m, CurrencyTier.Exotic),
        new("THB", 1m / 36.0m, CurrencyTier.Exotic),
        new("KRW", 1m / 1350m, CurrencyTier.Exotic),
    }.ToFrozenDictionary(c => c.Code, StringComparer.Ordinal);

    // The most traded pairs carry their own market-typical spread (pips) and calm volatility.
    private static readonly FrozenDictionary<string, (decimal SpreadPips, double Volatility)> Quoted =
        new Dictionary<string, (decimal, double)>
        {
            ["EURUSD"] = (0.8m, 0.075),
            ["USDJPY"] = (1.0m, 0.095),
            ["GBPUSD"] = (1.2m, 0.085),
            ["USDCHF"] = (1.5m, 0.080),
            ["AUDUSD"] = (1.2m, 0.090),
            ["NZDUSD"] = (1.8m, 0.090),
            ["USDCAD"] = (1.5m, 0.070),
            ["EURGBP"] = (1.5m, 0.065),
            ["EURCHF"] = (2.0m, 0.060),
            ["EURJPY"] = (1.8m, 0.105),
            ["GBPJPY"] = (2.8m, 0.120),
        }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Codes of the currencies with a known level.</summary>
    public static IReadOnlyCollection<string> KnownCurrencies => Currencies.Keys;

    // The facts are fixed per pair and asked for on every order (the venue's slippage, the risk
    // budget's volatility, the position's currency): computed once per pair. Bounded, because a
    // symbol may come from outside; past the bound a pair is computed each time.
    private const int CachedPairsLimit = 4096;
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, SymbolInfo> Cached = new(StringComparer.Ordinal);

    /// <summary>The pair's market facts; throws <see cref="ArgumentException"/> for an invalid symbol.</summary>
    public static SymbolInfo Get(string symbol)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        if (Cached.TryGetValue(symbol, out var known))
        {
            return known;
        }

        var info = Compute(symbol);
        if (Cached.Count < CachedPairsLimit)
        {
            Cached.TryAdd(symbol, info);
        }

        return info;
    }

    private static SymbolInfo Compute(string symbol)
    {
        string normalized = Symbol.Parse(symbol);
        var baseCurrency = Currency(normalized[..3]);
        var quoteCurrency = Currency(normalized[3..]);
        var rawPrice = baseCurrency.UsdValue / quoteCurrency.UsdValue;
        var pip = PipSizeFor(rawPrice, quoteCurrency.Code);
        var decimals = DecimalsOf(pip) + 1;
        var price = Math.Round(rawPrice, decimals, MidpointRounding.AwayFromZero);
        var tier = (CurrencyTier)Math.Max((int)baseCurrency.Tier, (int)quoteCurrency.Tier);
        var involvesJpy = baseCurrency.Code == "JPY" || quoteCurrency.Code == "JPY";

        var (spreadPips, volatility) = Quoted.TryGetValue(normalized, out var quoted)
            ? quoted
            : (SpreadPipsFor(tier, price, pip), VolatilityFor(tier, involvesJpy));

        return new SymbolInfo(
            normalized,
            baseCurrency.Code,
            quoteCurrency.Code,
            price,
            pip,
            spreadPips,
            volatility,
            decimals,
            IsDerived: baseCurrency.Tier == CurrencyTier.Unknown || quoteCurrency.Tier == CurrencyTier.Unknown);
    }

    /// <summary>The currency's US dollar value; a deterministic made-up one for an unknown code.</summary>
    public static CurrencyInfo Currency(string code)
    {
        var normalized = code.Trim().ToUpperInvariant();
        if (Currencies.TryGetValue(normalized, out var known))
        {
            return known;
        }

        // Units per dollar between 0.1 and 1000: mantissa 1.000..9.999 times 10^-1..10^2.
        var hash = StableHash.Of(normalized);
        var mantissa = 1m + (hash % 9000u) / 1000m;
        var exponent = (int)(hash / 9000u % 4u) - 1;
        var unitsPerUsd = mantissa * Pow10(exponent);
        return new CurrencyInfo(normalized, 1m / unitsPerUsd, CurrencyTier.Unknown);
    }

    /// <summary>Conventional pip: 0.01 for JPY quotes and large prices, 0.0001 otherwise, finer for tiny prices.</summary>
    internal static decimal PipSizeFor(decimal price, string quoteCurrency)
    {
        if (price >= 5000m)
        {
            return 1m;
        }

        if (price >= 50m || (quoteCurrency == "JPY" && price >= 0.5m))
        {
            return 0.01m;
        }

        if (price >= 0.1m)
        {
            return 0.0001m;
        }

        // Keep four significant digits in pips for tiny prices, e.g. 0.00667 -> 0.000001.
        var magnitude = 0;
        for (var scaled = price; scaled < 1m && magnitude > -20; scaled *= 10m)
        {
            magnitude--;
        }

        return Pow10(magnitude - 3);
    }

    private static decimal SpreadPipsFor(CurrencyTier tier, decimal price, decimal pip)
    {
        // Crosses of liquid currencies quote a few pips; less liquid ones a share of the price.
        var pips = tier switch
        {
            CurrencyTier.Major => 2.0m,
            CurrencyTier.Commodity => 2.8m,
            CurrencyTier.Minor => price * 0.0003m / pip,
            CurrencyTier.Exotic => price * 0.0006m / pip,
            _ => price * 0.0010m / pip,
        };
        return Math.Max(MinimumSpreadPips, Math.Round(pips, 1, MidpointRounding.AwayFromZero));
    }

    private static double VolatilityFor(CurrencyTier tier, bool involvesJpy)
    {
        var volatility = tier switch
        {
            CurrencyTier.Major or CurrencyTier.Commodity => 0.085,
            CurrencyTier.Minor => 0.10,
            CurrencyTier.Exotic => 0.15,
            _ => 0.18,
        };
        return involvesJpy ? volatility + 0.025 : volatility;
    }

    private static int DecimalsOf(decimal pip)
    {
        var decimals = 0;
        for (var scaled = pip; scaled < 1m; scaled *= 10m)
        {
            decimals++;
        }

        return decimals;
    }

    private static decimal Pow10(int exponent)
    {
        var result = 1m;
        for (var i = 0; i < Math.Abs(exponent); i++)
        {
            result = exponent > 0 ? result * 10m : result / 10m;
        }

        return result;
    }
}
