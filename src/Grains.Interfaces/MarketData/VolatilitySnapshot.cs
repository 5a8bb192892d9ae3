namespace AriaPro.Grains.Interfaces.MarketData;

/// <summary>
/// Realized volatility as the standard deviation of per-bar log returns over a short and a long
/// window. <see cref="Ratio"/> (short / long) is the market-activity measure: above 1 the market
/// is more turbulent than usual.
/// </summary>
[GenerateSerializer, Immutable, Alias("AriaPro.VolatilitySnapshot")]
public sealed record VolatilitySnapshot(
    [property: Id(0)] double ShortWindow,
    [property: Id(1)] double LongWindow,
    [property: Id(2)] double Ratio,
    [property: Id(3)] int Bars);
