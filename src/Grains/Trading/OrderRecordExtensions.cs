using AriaPro.Core.Trading;
using AriaPro.Grains.Brokers;

namespace AriaPro.Grains.Trading;

/// <summary>The book's orders as the broker adapter takes them.</summary>
internal static class OrderRecordExtensions
{
    /// <summary>What the broker must still work: the unfilled part of this order.</summary>
    public static BrokerOrder ToBrokerOrder(this OrderRecord order) =>
        new(order.ClientOrderId, order.Symbol, order.Side, order.Type, order.Remaining, order.LimitPrice);
}
