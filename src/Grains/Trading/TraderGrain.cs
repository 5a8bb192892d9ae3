using AriaPro.Grains.Brokers;
using AriaPro.Grains.Hosting;
using AriaPro.Grains.Interfaces.MarketData;
using AriaPro.Grains.Interfaces.Risk;
using AriaPro.Grains.Interfaces.Trading;
using AriaPro.Grains.MarketData;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AriaPro.Grains.Trading;

/// <summary>
/// The single owner of one symbol's orders, position, limit, breaker, timeout and trading state.
/// Every state change is persisted before it is acknowledged, and an order is persisted as
/// Submitted before the broker sees it, so a crash can never leave a live order unknown.
/// </summary>
[GrainType("trader")]
public sealed partial class TraderGrain(
    [PersistentState("trader", AriaStorage.Name)] IPersistentState<TraderState> store,
    IOptions<TraderOptions> traderOptions,
    IOptions<MarketDataOptions> marketOptions,
    IBroker broker,
    [FromKeyedServices(AriaClock.Key)] TimeProvider time,
    ILogger<TraderGrain> logger) : Grain, ITraderGrain
{
    private static readonly TimeSpan SweepPeriod = TimeSpan.FromSeconds(0.5);
    private readonly TraderOptions _options = traderOptions.Value;
    private readonly ILogger<TraderGrain> _logger = logger;
    private CircuitBreakerController _breaker = null!;
    private string _symbol = "";

    private TraderState State => store.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _symbol = this.GetPrimaryKeyString();
        _breaker = new(State.Breaker, _options.CircuitBreakerFailures, _options.CircuitBreakerCooldown);
        this.RegisterGrainTimer(_ => ExpireOverdueOrders(), new GrainTimerCreationOptions(SweepPeriod, SweepPeriod) { Interleave = false });
        return State.LastPrice > 0m ? ReportPosition() : Task.CompletedTask;
    }

    public async Task<SubmitResult> Submit(OrderRequest request)
    {
        if (State.Orders.TryGetValue(request.ClientOrderId, out var existing))
        {
            return new(existing.ToView(), Duplicate: true);
        }

        var errors = OrderRules.Validate(request, marketOptions.Value.IsKnown);
        if (errors.Count > 0 || !string.Equals(request.Symbol, _symbol, StringComparison.Ordinal))
        {
            throw new ArgumentException($"invalid order for trader {_symbol}: {string.Join("; ", errors.SelectMany(e => e.Value))}", nameof(request));
        }

        var market = await Market();
        var now = time.GetUtcNow();
        var (denyReason, isProbe) = await DenyReason(request, now, market?.Quote);
        var order = OrderRecord.From(request, now);
        PruneFinishedOrders();
        State.Orders[order.ClientOrderId] = order;
        if (denyReason is { } reason)
        {
            order.Transition(OrderStatus.Denied, now, reason);
            await Persist();
            await Archive(order);
            LogDenied(order.ClientOrderId, _symbol, reason);
            return new(order.ToView(), Duplicate: false);
        }

        var timeout = Timeout(market);
        order.IsProbe = isProbe;
        order.ExpiresAt = now + timeout;
        order.Transition(OrderStatus.Submitted, now);
        await Persist();
        LogSubmitted(order.ClientOrderId, order.Side.ToString(), order.Quantity, _symbol, order.Type.ToString(), timeout.TotalSeconds, isProbe);

        try
        {
            await broker.Submit(new(order.ClientOrderId, _symbol, order.Side, order.Type, order.Quantity, order.LimitPrice));
        }
        catch (Exception exception)
        {
            LogBrokerError(exception, order.ClientOrderId, _symbol);
            Fail(order, OrderStatus.Rejected, $"broker error: {exception.Message}", time.GetUtcNow());
            await Persist();
            await Archive(order);
        }

        return new(order.ToView(), Duplicate: false);
    }

    public Task<OrderView?> GetOrder(string clientOrderId) =>
        Task.FromResult(State.Orders.TryGetValue(clientOrderId, out var order) ? order.ToView() : null);

    public async Task<OrderView?> Cancel(string clientOrderId)
    {
        if (!State.Orders.TryGetValue(clientOrderId, out var order))
        {
            return null;
        }

        if (order.Status.IsWorking())
        {
            order.Transition(OrderStatus.Cancelled, time.GetUtcNow(), "cancelled by request");
            await Persist();
            await Archive(order);
            await CancelAtBroker(order);
        }

        return order.ToView();
    }

    public async Task OnExecutionReport(ExecutionReport report)
    {
        if (!State.Orders.TryGetValue(report.ClientOrderId, out var order))
        {
            LogUnknownReport(report.Kind.ToString(), report.ClientOrderId, _symbol);
            return;
        }

        var now = time.GetUtcNow();
        switch (report.Kind)
        {
            case ExecutionKind.Accepted when order.Status is OrderStatus.New or OrderStatus.Submitted:
                order.Transition(OrderStatus.Accepted, now);
                Breaker(_breaker.RecordSuccess(order.ClientOrderId, now));
                break;
            case ExecutionKind.Rejected when order.Status.IsWorking():
                Fail(order, OrderStatus.Rejected, report.Reason ?? "rejected by the broker", now);
                break;
            case ExecutionKind.Fill:
                ApplyFill(order, report, now);
                break;
            case ExecutionKind.Cancelled when order.Status.IsWorking():
                order.Transition(OrderStatus.Cancelled, now, report.Reason ?? "cancelled by the broker");
                break;
            default:
                return;
        }

        await Persist();
        await Archive(order);
        if (report.Kind == ExecutionKind.Fill)
        {
            await ReportPosition();
        }
    }

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

    public async Task<int> ExpireOverdueOrders()
    {
        var now = time.GetUtcNow();
        var overdue = State.Orders.Values
            .Where(o => o.Status is OrderStatus.New or OrderStatus.Submitted && o.ExpiresAt <= now)
            .ToList();
        if (overdue.Count == 0)
        {
            return 0;
        }

        foreach (var order in overdue)
        {
            var waited = (now - order.CreatedAt).TotalSeconds;
            Fail(order, OrderStatus.Expired, $"not acknowledged by the broker within {(order.ExpiresAt!.Value - order.CreatedAt).TotalSeconds:F1}s (waited {waited:F1}s)", now);
        }

        await Persist();
        foreach (var order in overdue)
        {
            await Archive(order);
            await CancelAtBroker(order);
        }

        return overdue.Count;
    }

    public async Task<SymbolView> GetStatus() => View(Timeout(await Market()));

    public async Task<PositionView> GetPosition()
    {
        var book = State.Position;
        decimal? mark = null;
        if (book.Quantity != 0m)
        {
            var quote = await GrainFactory.GetGrain<IMarketDataGrain>(_symbol).GetQuote();
            mark = book.Quantity > 0m ? quote.Bid : quote.Ask;
        }

        return new(_symbol, book.Quantity, book.AveragePrice, book.RealizedPnl,
            mark is { } m ? book.Unrealized(m, TraderDefaults.ContractSize) : 0m,
            mark, SymbolCatalog.Get(_symbol).QuoteCurrency, WorkingOrders().Count());
    }

    public Task<IReadOnlyList<OrderView>> GetWorkingOrders() =>
        Task.FromResult<IReadOnlyList<OrderView>>(WorkingOrders().Select(o => o.ToView()).ToList());

    public Task<SymbolView> ResetCircuitBreaker() => ChangeBreaker(_breaker.Reset());

    public Task<SymbolView> HaltCircuitBreaker(string reason) =>
        ChangeBreaker(_breaker.Isolate(string.IsNullOrWhiteSpace(reason) ? "halted by an operator" : reason));

    public Task<SymbolView> ResumeCircuitBreaker() => ChangeBreaker(_breaker.Release());

    public async Task<SymbolView> SetTradingState(TradingState state, string reason)
    {
        if (State.TradingState != state)
        {
            LogTradingState(_symbol, State.TradingState.ToString(), state.ToString(), reason);
        }

        State.TradingState = state;
        State.TradingStateReason = state == TradingState.Active ? null : reason;
        await Persist();
        return await GetStatus();
    }

    // A failed write leaves memory ahead of storage: drop the activation so the next call reloads
    // what was really persisted, and let the caller see the failure (nothing was acknowledged).
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
    }

    private async Task<(string? Reason, bool IsProbe)> DenyReason(OrderRequest request, DateTimeOffset now, Quote? quote)
    {
        var working = WorkingOrders().ToList();
        var workingBuys = working.Where(o => o.Side == OrderSide.Buy).Sum(o => o.Remaining);
        var workingSells = working.Where(o => o.Side == OrderSide.Sell).Sum(o => o.Remaining);
        var reason = PreTradeCheck.Deny(
            request, State.TradingState, State.TradingStateReason, State.Position.Quantity, workingBuys, workingSells,
            _options.LimitFor(_symbol));
        if (reason is not null)
        {
            return (reason, false);
        }

        if (await RiskBudget(request, quote, workingBuys, workingSells) is { } riskReason)
        {
            return (riskReason, false);
        }

        reason = _breaker.TryAdmit(request.ClientOrderId, now, out var isProbe, out var transition);
        Breaker(transition);
        return (reason, isProbe);
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
            var decision = await GrainFactory.GetGrain<IRiskGrain>(IRiskGrain.Portfolio).CheckOrder(new(_symbol, current, projected, price));
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
            return await GrainFactory.GetGrain<IMarketDataGrain>(_symbol).GetSnapshot();
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

    private async Task<SymbolView> ChangeBreaker(CircuitTransition? transition)
    {
        Breaker(transition);
        await Persist();
        return await GetStatus();
    }

    private void Breaker(CircuitTransition? transition)
    {
        if (transition is { } t)
        {
            LogBreaker(_symbol, t.From.ToString(), t.To.ToString(), t.Reason);
        }
    }

    private IEnumerable<OrderRecord> WorkingOrders() => State.Orders.Values.Where(o => o.Status.IsWorking());

    private SymbolView View(TimeSpan timeout) => new(
        _symbol, _options.LimitFor(_symbol), State.Position.Quantity, State.TradingState, State.TradingStateReason,
        timeout.TotalSeconds, _breaker.View(time.GetUtcNow()), WorkingOrders().Count());

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
