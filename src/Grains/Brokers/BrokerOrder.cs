using AriaPro.Grains.Interfaces.Trading;

namespace AriaPro.Grains.Brokers;

/// <summary>An order as it is sent to a broker.</summary>
public sealed record BrokerOrder(
    string ClientOrderId,
    string Symbol,
    OrderSide Side,
    OrderType Type,
    decimal Quantity,
    decimal? LimitPrice);
