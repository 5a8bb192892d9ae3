using AriaPro.Grains.Hosting;
using AriaPro.Grains.Interfaces.Risk;
using AriaPro.Grains.Interfaces.Trading;
using AriaPro.Grains.Interfaces;

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
            await _risk.ReportPosition(
                new(_symbol, book.Quantity, book.AveragePrice, book.RealizedPnl, State.LastPrice, State.ClosedTrades));
        }
        catch (Exception exception)
        {
            LogPositionNotReported(exception, _symbol);
        }
    }

    // A failed write restarts the activation from storage (StoredState) and the caller sees the
    // failure (nothing was acknowledged). Breaker events go out only once the state that caused them is stored.
    private async Task Persist()
    {
        try
        {
            await store.WriteOrRestartAsync(this);
        }
        catch
        {
            _changes.Clear();
            throw;
        }

        foreach (var change in _changes)
        {
            metrics.OrderChanged(change.Order, change.From, change.DenyCategory);
            orderEvents.Publish(change.Order);
        }

        _changes.Clear();
        await _events.PublishAsync();
    }

    // An order's state changed; it is counted and published once the change is persisted.
    private void Changed(OrderRecord order, OrderStatus from, string? denyCategory = null) =>
        _changes.Add(new(order.ToView(), from, denyCategory));

    private readonly record struct OrderChange(OrderView Order, OrderStatus From, string? DenyCategory);

    // False when there is nothing to book: the fill was booked before, or the order is complete.
    private bool ApplyFill(OrderRecord order, ExecutionReport report, DateTimeOffset now)
    {
        var quantity = Math.Min(report.FillQuantity, order.Remaining);
        if (quantity <= 0m || (report.ExecutionId is { } execution && order.HasExecution(execution)))
        {
            LogRepeatedFill(order.ClientOrderId, _symbol, report.ExecutionId ?? "(none)");
            return false;
        }

        if (report.ExecutionId is { } id)
        {
            order.AddExecution(id);
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
            return true;
        }

        if (!wasAcknowledged)
        {
            Breaker(_breaker.RecordSuccess(order.ClientOrderId, now));
        }

        LogFilled(order.ClientOrderId, _symbol, quantity, report.FillPrice, State.Position.Quantity);
        return true;
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

    // Runs every sweep period, never interleaved with a request.
    private async Task Upkeep()
    {
        await ExpireOverdueOrders();
        await ResendUnconfirmedArchives();
    }

    // After an activation (a restart, or another silo taking over after a crash) the orders the
    // stored state calls working are handed to the broker to settle; overdue unacknowledged ones
    // are left to the sweep, which expires them.
    private async Task ReconcileWorkingOrders()
    {
        var now = time.GetUtcNow();
        foreach (var order in WorkingOrders().ToList())
        {
            var acknowledged = order.Status is not (OrderStatus.New or OrderStatus.Submitted);
            if (!acknowledged && order.ExpiresAt <= now)
            {
                continue;
            }

            LogReconciling(order.ClientOrderId, _symbol, order.Status.ToString(), order.Remaining);
            try
            {
                await broker.Reconcile(order.ToBrokerOrder(), acknowledged);
            }
            catch (Exception exception)
            {
                LogReconcileFailed(exception, order.ClientOrderId, _symbol);
            }
        }
    }

    // A finished order is handed to its order grain, which keeps it from then on and confirms.
    // The trader keeps every finished order until that confirmation, and only a recent window of
    // confirmed ones after it, so the state it writes on every event stays small and no order's
    // final state depends on a one-way message arriving.
    private async Task Archive(OrderRecord order)
    {
        if (order.Status.IsTerminal())
        {
            order.Archived = false;
            _archiveSent[order.ClientOrderId] = time.GetUtcNow();
            await GrainFactory.Of<IOrderGrain>(order.ClientOrderId).Archive(order.ToView());
        }
    }

    private static readonly TimeSpan ArchiveResendAfter = TimeSpan.FromSeconds(5);
    private const int ArchiveResendBatch = 64;

    private async Task ResendUnconfirmedArchives()
    {
        var due = time.GetUtcNow() - ArchiveResendAfter;
        var unconfirmed = State.Orders.Values
            .Where(o => o.Status.IsTerminal() && !o.Archived)
            .Where(o => !_archiveSent.TryGetValue(o.ClientOrderId, out var sent) || sent <= due)
            .Take(ArchiveResendBatch)
            .ToList();
        foreach (var order in unconfirmed)
        {
            await Archive(order);
        }
    }

    // Confirmed orders that can see no more reports (filled in full, or denied before reaching the
    // broker) leave at once. Those that ended with lots still at the venue (expired, cancelled,
    // rejected) stay for a window, so a fill that raced their end is still booked to the position.
    private void PruneFinishedOrders()
    {
        var confirmed = State.Orders.Values
            .Where(o => o.Status.IsTerminal() && o.Archived)
            .ToLookup(o => o.Status is OrderStatus.Filled or OrderStatus.Denied);
        var (settled, open) = (confirmed[true], confirmed[false].ToList());
        var leaving = open.Count <= 2 * _options.RetainedFinishedOrders
            ? settled
            : settled.Concat(open.OrderBy(o => o.UpdatedAt).Take(open.Count - _options.RetainedFinishedOrders));
        foreach (var order in leaving)
        {
            State.Orders.Remove(order.ClientOrderId);
            _archiveSent.Remove(order.ClientOrderId);
        }
    }
}
