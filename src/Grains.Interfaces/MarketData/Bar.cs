namespace AriaPro.Grains.Interfaces.MarketData;

/// <summary>One OHLC bar; <see cref="Time"/> is its open time.</summary>
[GenerateSerializer, Immutable, Alias("AriaPro.Bar")]
public sealed record Bar(
    [property: Id(0)] DateTimeOffset Time,
    [property: Id(1)] decimal Open,
    [property: Id(2)] decimal High,
    [property: Id(3)] decimal Low,
    [property: Id(4)] decimal Close,
    [property: Id(5)] decimal Volume);
