namespace AriaPro.Grains.Interfaces.Trading;

/// <summary>A request to trade, identified by the client's own order id.</summary>
[GenerateSerializer, Immutable, Alias("AriaPro.OrderRequest")]
public sealed record OrderRequest(
    [property: Id(0)] string ClientOrderId,
    [property: Id(1)] string Symbol,
    [property: Id(2)] OrderSide Side,
    [property: Id(3)] decimal Quantity,
    [property: Id(4)] OrderType Type,
    [property: Id(5)] decimal? LimitPrice = null,
    [property: Id(6)] string Source = OrderSources.Api);
