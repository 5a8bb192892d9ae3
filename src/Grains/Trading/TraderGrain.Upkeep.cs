using AriaPro.Grains.Interfaces.Risk;
using AriaPro.Grains.Interfaces.Trading;

namespace AriaPro.Grains.Trading;

/// <summary>Applying fills and failures, persisting, archiving finished orders and reporting to the risk grain.</summary>
public sealed partial class TraderGrain
{
    // The risk grain keeps the latest position of every trader for its pre-trade checks; a lost
    // report is made good by the next fill or the next activation.
    private async Task ReportPosition()
    {
        try
        {
            var book = State.Position;
            await GrainFactory.GetGrain<IRiskGrain>(IRiskGrain.Portfolio).ReportPosition(
                new(_symbol, book.Quantity, book.AveragePrice, book.RealizedPnl, State.LastPrice, State.ClosedTrades));
        }
        catch (Exception exception)
        {
            LogPositionNotReported(exception, _symbol);
        }
    }

    // A failed write leaves memory ahead of storage: drop the activation so the next call reloads
    // what was really persisted, and let the caller see the failure (nothing was acknowledged).
    // Breaker events go out only once the state that caused them is stored.
    private async Task Persist()
    {
        try
        {
            await store.WriteStateAsync();
        }
        catch
        {
            DeactivateOnIdle();
            throw;
        }

        await _events.PublishAsync();
    }

    private void ApplyFill(OrderRecord order, ExecutionReport report, DateTimeOffset now)
    {
        var quantity = Math.Min(report.FillQuantity, order.Remaining);
        if (quantity <= 0m)
        {
            return;
        }

        var wasTerminal = order.Status.IsTerminal();
        var wasAcknowledged = order.Status is not (OrderStatus.New or OrderStatus.Submitted);
        order.AddFill(quantity, report.FillPrice, now);
        if (State.Position.Apply(order.Side, quantity, report.FillPrice, TraderDefaults.ContractSize) is { } realized)
        {
            State.ClosedTrades = State.ClosedTrades.Add(realized);
        }

        State.LastPrice = report.FillPrice;
        if (wasTerminal)
        {
            LogLateFill(order.ClientOrderId, _symbol, order.Status.ToString(), quantity, report.FillPrice);
            return;
        }

        if (!wasAcknowledged)
        {
            Breaker(_breaker.RecordSuccess(order.ClientOrderId, now));
        }

        LogFilled(order.ClientOrderId, _symbol, quantity, report.FillPrice, State.Position.Quantity);
    }

    private void Fail(OrderRecord order, OrderStatus status, string reason, DateTimeOffset now)
    {
        order.Transition(status, now, reason);
        LogFailed(order.ClientOrderId, _symbol, status.ToString(), reason);
        Breaker(_breaker.RecordFailure(order.ClientOrderId, now, reason));
    }

    private async Task CancelAtBroker(OrderRecord order)
    {
        try
        {
            await broker.Cancel(_symbol, order.ClientOrderId);
        }
        catch (Exception exception)
        {
            LogCancelNotSent(exception, order.ClientOrderId, _symbol);
        }
    }

    // A finished order is handed to its order grain, which keeps it from then on; the trader keeps
    // only a recent window of finished orders, so the state it writes on every event stays small.
    private async Task Archive(OrderRecord order)
    {
        if (order.Status.IsTerminal())
        {
            await GrainFactory.GetGrain<IOrderGrain>(order.ClientOrderId).Archive(order.ToView());
        }
    }

    private void PruneFinishedOrders()
    {
        var finished = State.Orders.Count - WorkingOrders().Count();
        if (finished <= 2 * _options.RetainedFinishedOrders)
        {
            return;
        }

        var oldest = State.Orders.Values.Where(o => o.Status.IsTerminal()).OrderBy(o => o.UpdatedAt)
            .Take(finished - _options.RetainedFinishedOrders).ToList();
        foreach (var order in oldest)
        {
            State.Orders.Remove(order.ClientOrderId);
        }
    }
}
