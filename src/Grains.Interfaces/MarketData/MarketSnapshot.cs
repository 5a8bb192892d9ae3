namespace AriaPro.Grains.Interfaces.MarketData;

/// <summary>What a market data grain knows right now.</summary>
[GenerateSerializer, Immutable, Alias("AriaPro.MarketSnapshot")]
public sealed record MarketSnapshot(
    [property: Id(0)] Quote Quote,
    [property: Id(1)] VolatilitySnapshot Volatility,
    [property: Id(2)] int BarCount,
    [property: Id(3)] string Feed);
