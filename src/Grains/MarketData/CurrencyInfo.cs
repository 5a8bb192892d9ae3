namespace AriaPro.Grains.MarketData;

/// <summary>A currency's value in US dollars and its liquidity tier.</summary>
/// <param name="Code">ISO 4217 style code, upper case.</param>
/// <param name="UsdValue">US dollars per one unit of the currency.</param>
/// <param name="Tier">Liquidity tier.</param>
public sealed record CurrencyInfo(string Code, decimal UsdValue, CurrencyTier Tier);
