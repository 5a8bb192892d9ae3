using AriaPro.Grains.Interfaces.Trading;

namespace AriaPro.Grains.Brokers;

/// <summary>An order as it is sent to a broker.</summary>
[GenerateSerializer, Immutable, Alias("AriaPro.BrokerOrder")]
public sealed record BrokerOrder(
    [property: Id(0)] string ClientOrderId,
    [property: Id(1)] string Symbol,
    [property: Id(2)] OrderSide Side,
    [property: Id(3)] OrderType Type,
    [property: Id(4)] decimal Quantity,
    [property: Id(5)] decimal? LimitPrice);
