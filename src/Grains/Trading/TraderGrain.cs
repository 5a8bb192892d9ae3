using AriaPro.Grains.Brokers;
using AriaPro.Grains.Events;
using AriaPro.Grains.Hosting;
using AriaPro.Grains.Interfaces;
using AriaPro.Grains.Interfaces.Http;
using AriaPro.Grains.Interfaces.MarketData;
using AriaPro.Grains.Interfaces.Risk;
using AriaPro.Grains.Interfaces.Trading;
using AriaPro.Grains.MarketData;
using AriaPro.Grains.Monitoring;
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
    AriaMetrics metrics,
    OrderEventPublisher orderEvents,
    [FromKeyedServices(AriaClock.Key)] TimeProvider time,
    ILogger<TraderGrain> logger) : Grain, ITraderGrain
{
    private static readonly TimeSpan SweepPeriod = TimeSpan.FromSeconds(0.5);
    private readonly TraderOptions _options = traderOptions.Value;
    private readonly ILogger<TraderGrain> _logger = logger;
    private readonly Dictionary<string, DateTimeOffset> _archiveSent = new(StringComparer.Ordinal);
    private readonly List<OrderChange> _changes = [];
    private CircuitBreakerController _breaker = null!;
    private BreakerEvents _events = null!;
    private string _symbol = "";
    private IMarketDataGrain _market = null!;
    private IRiskGrain _risk = null!;

    private TraderState State => store.State;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _symbol = this.GetPrimaryKeyString();
        marketOptions.Value.EnsureTraded(_symbol);
        _market = GrainFactory.GetGrain<IMarketDataGrain>(_symbol);
        _risk = GrainFactory.GetGrain<IRiskGrain>(IRiskGrain.Portfolio);
        _breaker = new(State.Breaker, _options.CircuitBreakerFailures, _options.CircuitBreakerCooldown);
        _events = new(this, "trader", _symbol, metrics, time, _logger);
        _events.Hosted(State.Breaker.State);
        this.RegisterGrainTimer(_ => Upkeep(), new GrainTimerCreationOptions(SweepPeriod, SweepPeriod) { Interleave = false });
        await ReconcileWorkingOrders();
        if (State.LastPrice > 0m)
        {
            await ReportPosition();
        }
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _events.Left();
        return Task.CompletedTask;
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
        var (denial, isProbe) = await DenyReason(request, now, market?.Quote);
        var order = OrderRecord.From(request, now);
        PruneFinishedOrders();
        State.Orders[order.ClientOrderId] = order;
        if (denial is var (category, reason))
        {
            order.Transition(OrderStatus.Denied, now, reason);
            Changed(order, OrderStatus.New, category);
            await Persist();
            await Archive(order);
            LogDenied(order.ClientOrderId, _symbol, reason);
            return new(order.ToView(), Duplicate: false);
        }

        var timeout = Timeout(market);
        order.IsProbe = isProbe;
        order.ExpiresAt = now + timeout;
        order.Transition(OrderStatus.Submitted, now);
        Changed(order, OrderStatus.New);
        await Persist();
        LogSubmitted(order.ClientOrderId, order.Side.ToString(), order.Quantity, _symbol, order.Type.ToString(), timeout.TotalSeconds, isProbe);

        try
        {
            await broker.Submit(order.ToBrokerOrder());
        }
        catch (Exception exception)
        {
            LogBrokerError(exception, order.ClientOrderId, _symbol);
            Fail(order, OrderStatus.Rejected, $"broker error: {exception.Message}", time.GetUtcNow());
            Changed(order, OrderStatus.Submitted);
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
            var from = order.Status;
            order.Transition(OrderStatus.Cancelled, time.GetUtcNow(), "cancelled by request");
            Changed(order, from);
            await Persist();
            await Archive(order);
            await CancelAtBroker(order);
        }

        return order.ToView();
    }

    public async Task OnExecutionReports(IReadOnlyList<ExecutionReport> reports)
    {
        var changed = new List<OrderRecord>(reports.Count);
        var filled = false;
        foreach (var report in reports)
        {
            if (Apply(report) is { } order)
            {
                if (!changed.Contains(order))
                {
                    changed.Add(order);
                }

                filled |= report.Kind == ExecutionKind.Fill;
            }
        }

        if (changed.Count == 0)
        {
            return;
        }

        await Persist();
        foreach (var order in changed)
        {
            await Archive(order);
        }

        if (filled)
        {
            await ReportPosition();
        }
    }

    // The order the report changed, or null when it changes nothing (unknown, repeated or stale).
    private OrderRecord? Apply(ExecutionReport report)
    {
        if (!State.Orders.TryGetValue(report.ClientOrderId, out var order))
        {
            LogUnknownReport(report.Kind.ToString(), report.ClientOrderId, _symbol);
            return null;
        }

        var now = time.GetUtcNow();
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

    public Task ConfirmArchived(string clientOrderId, DateTimeOffset version)
    {
        if (State.Orders.TryGetValue(clientOrderId, out var order) && order.UpdatedAt == version)
        {
            // Kept in memory and written with the next change: until then a restarted trader
            // merely archives the order once more.
            order.Archived = true;
            _archiveSent.Remove(clientOrderId);
        }

        return Task.CompletedTask;
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
            var from = order.Status;
            Fail(order, OrderStatus.Expired, $"not acknowledged by the broker within {(order.ExpiresAt!.Value - order.CreatedAt).TotalSeconds:F1}s (waited {waited:F1}s)", now);
            Changed(order, from);
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
            var quote = await _market.GetQuote();
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
        ChangeBreaker(_breaker.Isolate(string.IsNullOrWhiteSpace(reason) ? "halted by an operator" : Printable(reason)));

    public Task<SymbolView> ResumeCircuitBreaker() => ChangeBreaker(_breaker.Release());

    public async Task<SymbolView> SetTradingState(TradingState state, string reason)
    {
        if (!Enum.IsDefined(state))
        {
            throw new ArgumentException($"trading state must be {WireEnum.Names<TradingState>()}, not {(int)state}", nameof(state));
        }

        reason = Printable(reason);
        if (State.TradingState != state)
        {
            LogTradingState(_symbol, State.TradingState.ToString(), state.ToString(), reason);
        }

        State.TradingState = state;
        State.TradingStateReason = state == TradingState.Active ? null : reason;
        await Persist();
        return await GetStatus();
    }

    // An operator's reason is logged and shown: refused unless printable, whoever sent it.
    private static string Printable(string reason) =>
        TextRules.PrintableError("reason", reason, TextRules.MaxReasonLength) is { } error ? throw new ArgumentException(error, nameof(reason)) : reason;

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
            _events.Add(t);
        }
    }

    private IEnumerable<OrderRecord> WorkingOrders() => State.Orders.Values.Where(o => o.Status.IsWorking());

    private SymbolView View(TimeSpan timeout) => new(
        _symbol, _options.LimitFor(_symbol), State.Position.Quantity, State.TradingState, State.TradingStateReason,
        timeout.TotalSeconds, _breaker.View(time.GetUtcNow()), WorkingOrders().Count());
}
