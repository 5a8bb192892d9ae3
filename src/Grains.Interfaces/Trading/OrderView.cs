namespace AriaPro.Grains.Interfaces.Trading;

/// <summary>An order as its trader knows it.</summary>
[GenerateSerializer, Immutable, Alias("AriaPro.OrderView")]
public sealed record OrderView(
    [property: Id(0)] string ClientOrderId,
    [property: Id(1)] string Symbol,
    [property: Id(2)] OrderSide Side,
    [property: Id(3)] OrderType Type,
    [property: Id(4)] decimal Quantity,
    [property: Id(5)] decimal? LimitPrice,
    [property: Id(6)] decimal FilledQuantity,
    [property: Id(7)] decimal? AveragePrice,
    [property: Id(8)] OrderStatus Status,
    [property: Id(9)] string? Reason,
    [property: Id(10)] string Source,
    [property: Id(11)] DateTimeOffset CreatedAt,
    [property: Id(12)] DateTimeOffset UpdatedAt,
    [property: Id(13)] DateTimeOffset? ExpiresAt,
    [property: Id(14)] bool IsProbe);
