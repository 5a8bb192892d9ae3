using AriaPro.Grains.Interfaces.MarketData;
using AriaPro.Grains.Interfaces.Risk;
using AriaPro.Grains.Interfaces.Trading;

namespace AriaPro.Grains.Trading;

/// <summary>The pre-trade checks: trading state, position limit, risk budget, breaker; and the order timeout.</summary>
public sealed partial class TraderGrain
{
    // Why an order is refused, if it is: a short category (a metric label) and the reason a person reads.
    private async Task<((string Category, string Reason)? Denial, bool IsProbe)> DenyReason(OrderRequest request, DateTimeOffset now, Quote? quote)
    {
        var working = WorkingOrders().ToList();
        var workingBuys = working.Where(o => o.Side == OrderSide.Buy).Sum(o => o.Remaining);
        var workingSells = working.Where(o => o.Side == OrderSide.Sell).Sum(o => o.Remaining);
        var reason = PreTradeCheck.Deny(
            request, State.TradingState, State.TradingStateReason, State.Position.Quantity, workingBuys, workingSells,
            _options.LimitFor(_symbol));
        if (reason is not null)
        {
            var category = State.TradingState switch
            {
                TradingState.Halted => "halted",
                TradingState.Reducing when reason.StartsWith("trading is reducing", StringComparison.Ordinal) => "reducing",
                _ => "position_limit",
            };
            return ((category, reason), false);
        }

        if (await RiskBudget(request, quote, workingBuys, workingSells) is { } riskReason)
        {
            return (("risk_budget", riskReason), false);
        }

        reason = _breaker.TryAdmit(request.ClientOrderId, now, out var isProbe, out var transition);
        Breaker(transition);
        return (reason is null ? null : ("circuit_breaker", reason), isProbe);
    }

    // The portfolio VaR budget, asked with the worst case on the order's side: the position with
    // every working order on that side filled, before and after this order.
    private async Task<string?> RiskBudget(OrderRequest request, Quote? quote, decimal workingBuys, decimal workingSells)
    {
        if (quote is null)
        {
            return $"no market price for {_symbol}, so the risk budget cannot be checked";
        }

        var current = request.Side == OrderSide.Buy ? State.Position.Quantity + workingBuys : State.Position.Quantity - workingSells;
        var projected = current + (request.Side == OrderSide.Buy ? request.Quantity : -request.Quantity);
        var price = request.LimitPrice ?? (request.Side == OrderSide.Buy ? quote.Ask : quote.Bid);
        try
        {
            var decision = await _risk.CheckOrder(new(_symbol, current, projected, price));
            return decision.Allowed ? null : decision.Reason;
        }
        catch (Exception exception)
        {
            LogRiskUnavailable(exception, _symbol);
            return $"the risk budget check is unavailable ({exception.GetType().Name}); orders are denied until it answers";
        }
    }

    private async Task<MarketSnapshot?> Market()
    {
        try
        {
            return await _market.GetSnapshot();
        }
        catch (Exception exception)
        {
            LogNoMarketData(exception, _symbol);
            return null;
        }
    }

    private TimeSpan Timeout(MarketSnapshot? market) => market is null
        ? _options.MaxOrderTimeout
        : AdaptiveTimeout.Compute(_options.BaseOrderTimeout, _options.MaxOrderTimeout, market.Volatility.Ratio);
}
