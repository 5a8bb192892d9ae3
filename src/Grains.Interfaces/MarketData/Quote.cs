namespace AriaPro.Grains.Interfaces.MarketData;

/// <summary>Best bid and ask at a moment.</summary>
[GenerateSerializer, Immutable, Alias("AriaPro.Quote")]
public sealed record Quote(
    [property: Id(0)] string Symbol,
    [property: Id(1)] decimal Bid,
    [property: Id(2)] decimal Ask,
    [property: Id(3)] DateTimeOffset Time)
{
    /// <summary>Midpoint of bid and ask.</summary>
    public decimal Mid => (Bid + Ask) / 2m;
}
