using AriaPro.Grains.Interfaces.Trading;

namespace AriaPro.Core.Trading;

/// <summary>
/// The trading-state and position-limit checks an order must pass before it may reach the broker.
/// Exposure counts the worst case: the position plus every working order on the same side as if
/// all of them filled.
/// </summary>
public static class PreTradeCheck
{
    /// <summary>Why the order must be denied, or null when it may pass.</summary>
    public static string? Deny(
        OrderRequest order, TradingState tradingState, string? tradingStateReason,
        decimal position, decimal workingBuys, decimal workingSells, decimal limit)
    {
        var signed = order.Side == OrderSide.Buy ? order.Quantity : -order.Quantity;
        if (order.Source == OrderSources.Flatten)
        {
            // An exit passes every stop, but only while it truly reduces (see IsExit).
            return IsExit(order, position, workingBuys, workingSells)
                ? null
                : $"a flatten order must only reduce the position; {order.Side} {order.Quantity} lots would not reduce the position of {position} lots " +
                  $"(working buys {workingBuys}, working sells {workingSells})";
        }

        switch (tradingState)
        {
            case TradingState.Halted:
                return $"trading halted: {tradingStateReason ?? "no reason given"}";
            case TradingState.Reducing when !Reduces(position, signed, order.Side == OrderSide.Buy ? workingBuys : workingSells):
                return $"trading is reducing-only ({tradingStateReason ?? "no reason given"}); this order would not reduce the position of {position} lots";
        }

        var worstLong = position + workingBuys + Math.Max(signed, 0m);
        var worstShort = position - workingSells + Math.Min(signed, 0m);
        var worst = Math.Max(worstLong, -worstShort);
        if (worst > limit && worst > Math.Abs(position))
        {
            return limit == 0m
                ? $"no position limit is configured for {order.Symbol} (AUTO_TRADE_POS_LIMITS), so it may not open a position"
                : $"position limit exceeded: {order.Symbol} limit is {limit} lots, exposure would reach {worst} lots (position {position}, working buys {workingBuys}, working sells {workingSells})";
        }

        return null;
    }

    /// <summary>
    /// True for a flatten order that only reduces the position, counting the working orders on its
    /// side as filled: it passes Halted, Reducing, an open breaker and the position limit.
    /// </summary>
    public static bool IsExit(OrderRequest order, decimal position, decimal workingBuys, decimal workingSells)
    {
        ArgumentNullException.ThrowIfNull(order);
        var signed = order.Side == OrderSide.Buy ? order.Quantity : -order.Quantity;
        return order.Source == OrderSources.Flatten && Reduces(position, signed, order.Side == OrderSide.Buy ? workingBuys : workingSells);
    }

    private static bool Reduces(decimal position, decimal signed, decimal workingSameSide) =>
        position != 0m && Math.Sign(signed) == -Math.Sign(position) && Math.Abs(signed) + workingSameSide <= Math.Abs(position);
}
