namespace AriaPro.Grains.Interfaces.Risk;

/// <summary>What a trader tells the risk grain after every fill: its position, PnL so far and closed trades.</summary>
[GenerateSerializer, Immutable, Alias("AriaPro.PositionReport")]
public sealed record PositionReport(
    [property: Id(0)] string Symbol,
    [property: Id(1)] decimal Quantity,
    [property: Id(2)] decimal AveragePrice,
    [property: Id(3)] decimal RealizedPnl,
    [property: Id(4)] decimal MarkPrice,
    [property: Id(5)] ClosedTrades ClosedTrades);
