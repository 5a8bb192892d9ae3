using AriaPro.Core.Trading;
using AriaPro.Grains.Interfaces;
using AriaPro.Grains.Interfaces.MarketData;
using AriaPro.Grains.Interfaces.Risk;
using AriaPro.Grains.Interfaces.Trading;

namespace AriaPro.Grains.Trading;

/// <summary>The trader's calls out: market data, the risk budget, the broker, the orders' records, its sweep.</summary>
public sealed partial class TraderGrain
{
    // Runs every sweep period, never interleaved with a request.
    private async Task Upkeep()
    {
        await ExpireOverdueOrders();
        await Archive(_book.UnconfirmedArchives(time.GetUtcNow()));
    }

    // After an activation (a restart, or another silo taking over after a crash) the orders the
    // stored state calls working are handed to the broker to settle.
    private async Task ReconcileWorkingOrders()
    {
        foreach (var (order, acknowledged) in _book.ToReconcile(time.GetUtcNow()))
        {
            LogReconciling(order.ClientOrderId, _book.Symbol, order.Status.ToString(), order.Remaining);
            try
            {
                await broker.Reconcile(order.ToBrokerOrder(), acknowledged);
            }
            catch (Exception exception)
            {
                LogReconcileFailed(exception, order.ClientOrderId, _book.Symbol);
            }
        }
    }

    // The risk budget's answer; a risk grain that cannot answer denies (the safe side).
    private async Task<Denial?> RiskBudget(RiskCheck question)
    {
        try
        {
            var decision = await _risk.CheckOrder(question);
            return decision.Allowed ? null : new Denial("risk_budget", decision.Reason ?? "the risk budget refused the order");
        }
        catch (Exception exception)
        {
            LogRiskUnavailable(exception, _book.Symbol);
            return new Denial("risk_budget", $"the risk budget check is unavailable ({exception.GetType().Name}); orders are denied until it answers");
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
            LogNoMarketData(exception, _book.Symbol);
            return null;
        }
    }

    private TimeSpan Timeout(MarketSnapshot? market)
    {
        var options = traderOptions.Value;
        return market is null
            ? options.MaxOrderTimeout
            : AdaptiveTimeout.Compute(options.BaseOrderTimeout, options.MaxOrderTimeout, market.Volatility.Ratio);
    }

    // The risk grain keeps the latest position of every trader for its pre-trade checks; a lost
    // report is made good by the next fill or the next activation.
    private async Task ReportPosition()
    {
        try
        {
            var state = store.State;
            await _risk.ReportPosition(new(_book.Symbol, state.Position.Quantity, state.Position.AveragePrice,
                state.Position.RealizedPnl, state.LastPrice, state.ClosedTrades));
        }
        catch (Exception exception)
        {
            LogPositionNotReported(exception, _book.Symbol);
        }
    }

    private async Task CancelAtBroker(OrderRecord order)
    {
        try
        {
            await broker.Cancel(_book.Symbol, order.ClientOrderId);
        }
        catch (Exception exception)
        {
            LogCancelNotSent(exception, order.ClientOrderId, _book.Symbol);
        }
    }

    // Finished orders go into their ids' records, all at once (so the store can commit them
    // together); the book lets an order go only once its archive is durable. One that fails stays
    // unconfirmed, and the sweep sends it again.
    private async Task Archive(IReadOnlyList<OrderRecord> finished)
    {
        if (finished.Count == 0)
        {
            return;
        }

        var views = finished.Select(o => o.ToView()).ToList();
        var writes = views.Select(orderRecords.Archive).ToList();
        for (var i = 0; i < views.Count; i++)
        {
            try
            {
                await writes[i];
                _book.ConfirmArchived(views[i].ClientOrderId, views[i].UpdatedAt);
            }
            catch (Exception exception)
            {
                LogArchiveFailed(exception, views[i].ClientOrderId, _book.Symbol);
            }
        }
    }
}
