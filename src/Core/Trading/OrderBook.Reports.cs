using AriaPro.Grains.Interfaces.Trading;

namespace AriaPro.Core.Trading;

/// <summary>Execution reports, expiry, and the hand-over of finished orders to their archive.</summary>
public sealed partial class OrderBook
{
    private static readonly TimeSpan ArchiveResendAfter = TimeSpan.FromSeconds(5);
    private const int ArchiveResendBatch = 64;

    /// <summary>
    /// Applies broker reports in the order given. A report for an unknown order, a repeated fill
    /// (same execution id) or a stale status changes nothing; <see cref="OrderBookEvents.NeedsWrite"/>
    /// is false when none changed anything.
    /// </summary>
    public OrderBookEvents Apply(IReadOnlyList<ExecutionReport> reports, DateTimeOffset now)
    {
        var events = Begin();
        foreach (var report in reports)
        {
            if (Apply(report, now) is { } order && order.Status.IsTerminal() && !events.Finished.Contains(order))
            {
                events.Finished.Add(order);
            }
        }

        foreach (var order in events.Finished)
        {
            MarkArchiveSent(order, now);
        }

        return events;
    }

    /// <summary>Expires working orders the broker has not acknowledged by their deadline: failures, cancelled at the broker.</summary>
    public OrderBookEvents ExpireOverdue(DateTimeOffset now)
    {
        var events = Begin();
        var overdue = _state.Orders.Values
            .Where(o => o.Status is OrderStatus.New or OrderStatus.Submitted && o.ExpiresAt <= now)
            .ToList();
        foreach (var order in overdue)
        {
            var waited = (now - order.CreatedAt).TotalSeconds;
            var from = order.Status;
            Fail(order, OrderStatus.Expired, $"not acknowledged by the broker within {(order.ExpiresAt!.Value - order.CreatedAt).TotalSeconds:F1}s (waited {waited:F1}s)", now);
            Changed(order, from);
            Finish(order, now);
            events.Cancels.Add(order);
        }

        return events;
    }

    /// <summary>
    /// This version of a finished order is stored in its id's record. Kept in memory and written with
    /// the next change: until then a restarted trader merely archives the order once more.
    /// </summary>
    public void ConfirmArchived(string clientOrderId, DateTimeOffset version)
    {
        if (Find(clientOrderId) is { } order && order.UpdatedAt == version)
        {
            order.Archived = true;
            _archiveSent.Remove(clientOrderId);
        }
    }

    /// <summary>Finished orders whose archive was not confirmed within a few seconds: to send again.</summary>
    public IReadOnlyList<OrderRecord> UnconfirmedArchives(DateTimeOffset now)
    {
        var due = now - ArchiveResendAfter;
        var unconfirmed = _state.Orders.Values
            .Where(o => o.Status.IsTerminal() && !o.Archived)
            .Where(o => !_archiveSent.TryGetValue(o.ClientOrderId, out var sent) || sent <= due)
            .Take(ArchiveResendBatch)
            .ToList();
        foreach (var order in unconfirmed)
        {
            MarkArchiveSent(order, now);
        }

        return unconfirmed;
    }

    /// <summary>
    /// After an activation (a restart, or another silo taking over after a crash): the working
    /// orders to hand to the broker to settle, and whether the broker had acknowledged each.
    /// Overdue unacknowledged ones are left to <see cref="ExpireOverdue"/>.
    /// </summary>
    public IReadOnlyList<(OrderRecord Order, bool Acknowledged)> ToReconcile(DateTimeOffset now) =>
        Working
            .Select(o => (Order: o, Acknowledged: o.Status is not (OrderStatus.New or OrderStatus.Submitted)))
            .Where(o => o.Acknowledged || !(o.Order.ExpiresAt <= now))
            .ToList();

    // The order the report changed, or null when it changes nothing (unknown, repeated or stale).
    private OrderRecord? Apply(ExecutionReport report, DateTimeOffset now)
    {
        if (Find(report.ClientOrderId) is not { } order)
        {
            LogUnknownReport(report.Kind.ToString(), report.ClientOrderId, Symbol);
            return null;
        }

        var from = order.Status;
        switch (report.Kind)
        {
            case ExecutionKind.Accepted when order.Status is OrderStatus.New or OrderStatus.Submitted:
                order.Transition(OrderStatus.Accepted, now);
                Breaker(_breaker.RecordSuccess(order.ClientOrderId, now));
                break;
            case ExecutionKind.Rejected when order.Status.IsWorking():
                Fail(order, OrderStatus.Rejected, report.Reason ?? "rejected by the broker", now);
                break;
            case ExecutionKind.Fill when ApplyFill(order, report, now):
                _events.PositionChanged = true;
                break;
            case ExecutionKind.Cancelled when order.Status.IsWorking():
                order.Transition(OrderStatus.Cancelled, now, report.Reason ?? "cancelled by the broker");
                break;
            default:
                return null;
        }

        Changed(order, from);
        return order;
    }

    // False when there is nothing to book: the fill was booked before, or the order is complete.
    private bool ApplyFill(OrderRecord order, ExecutionReport report, DateTimeOffset now)
    {
        var quantity = Math.Min(report.FillQuantity, order.Remaining);
        if (quantity <= 0m || (report.ExecutionId is { } execution && order.HasExecution(execution)))
        {
            LogRepeatedFill(order.ClientOrderId, Symbol, report.ExecutionId ?? "(none)");
            return false;
        }

        if (report.ExecutionId is { } id)
        {
            order.AddExecution(id);
        }

        var wasTerminal = order.Status.IsTerminal();
        var wasAcknowledged = order.Status is not (OrderStatus.New or OrderStatus.Submitted);
        order.AddFill(quantity, report.FillPrice, now);
        if (_state.Position.Apply(order.Side, quantity, report.FillPrice, TraderDefaults.ContractSize) is { } realized)
        {
            _state.ClosedTrades = _state.ClosedTrades.Add(realized);
        }

        _state.LastPrice = report.FillPrice;
        if (wasTerminal)
        {
            LogLateFill(order.ClientOrderId, Symbol, order.Status.ToString(), quantity, report.FillPrice);
            return true;
        }

        if (!wasAcknowledged)
        {
            Breaker(_breaker.RecordSuccess(order.ClientOrderId, now));
        }

        LogFilled(order.ClientOrderId, Symbol, quantity, report.FillPrice, _state.Position.Quantity);
        return true;
    }

    private void Fail(OrderRecord order, OrderStatus status, string reason, DateTimeOffset now)
    {
        order.Transition(status, now, reason);
        LogFailed(order.ClientOrderId, Symbol, status.ToString(), reason);
        Breaker(_breaker.RecordFailure(order.ClientOrderId, now, reason));
    }

    // A finished order goes into its id's record, which keeps it from then on. The book keeps every
    // finished order until that archive is confirmed durable, so no order's final state depends on
    // a write that did not land.
    private void Finish(OrderRecord order, DateTimeOffset now)
    {
        _events.Finished.Add(order);
        MarkArchiveSent(order, now);
    }

    private void MarkArchiveSent(OrderRecord order, DateTimeOffset now)
    {
        order.Archived = false;
        _archiveSent[order.ClientOrderId] = now;
    }

    // Confirmed orders that can see no more reports (filled in full, or denied before reaching the
    // broker) leave at once. Those that ended with lots still at the venue (expired, cancelled,
    // rejected) stay for a window, so a fill that raced their end is still booked to the position.
    private void PruneFinishedOrders()
    {
        var confirmed = _state.Orders.Values
            .Where(o => o.Status.IsTerminal() && o.Archived)
            .ToLookup(o => o.Status is OrderStatus.Filled or OrderStatus.Denied);
        var (settled, open) = (confirmed[true], confirmed[false].ToList());
        var leaving = open.Count <= 2 * _options.RetainedFinishedOrders
            ? settled
            : settled.Concat(open.OrderBy(o => o.UpdatedAt).Take(open.Count - _options.RetainedFinishedOrders));
        foreach (var order in leaving.ToList())
        {
            _state.Orders.Remove(order.ClientOrderId);
            _archiveSent.Remove(order.ClientOrderId);
        }
    }
}
