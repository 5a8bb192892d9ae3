namespace AriaPro.Grains.Interfaces.Trading;

/// <summary>Open position in lots and its profit and loss in the quote currency.</summary>
[GenerateSerializer, Immutable, Alias("AriaPro.PositionView")]
public sealed record PositionView(
    [property: Id(0)] string Symbol,
    [property: Id(1)] decimal Quantity,
    [property: Id(2)] decimal AveragePrice,
    [property: Id(3)] decimal RealizedPnl,
    [property: Id(4)] decimal UnrealizedPnl,
    [property: Id(5)] decimal? MarkPrice,
    [property: Id(6)] string PnlCurrency,
    [property: Id(7)] int WorkingOrders);
