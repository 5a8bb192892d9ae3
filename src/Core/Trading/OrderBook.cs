using AriaPro.Grains.Interfaces;
using AriaPro.Grains.Interfaces.Http;
using AriaPro.Grains.Interfaces.MarketData;
using AriaPro.Grains.Interfaces.Risk;
using AriaPro.Grains.Interfaces.Trading;
using Microsoft.Extensions.Logging;

namespace AriaPro.Core.Trading;

/// <summary>
/// One symbol's orders, position, limit, breaker and trading state: every rule of an order's life,
/// with no I/O. Each command changes the state in memory and returns the <see cref="OrderBookEvents"/>
/// its adapter (the trader grain) must persist and then publish; a failed write discards the
/// activation, and with it the change. Requests reaching the book are already valid
/// (<see cref="OrderRules"/> is applied once, where an order enters the cluster).
/// </summary>
public sealed partial class OrderBook
{
    private readonly OrderBookState _state;
    private readonly TraderOptions _options;
    private readonly CircuitBreakerController _breaker;
    private readonly ILogger _logger;
    private readonly Dictionary<string, DateTimeOffset> _archiveSent = new(StringComparer.Ordinal);
    private OrderBookEvents _events = OrderBookEvents.None;

    /// <summary>A book over <paramref name="state"/> (fresh or loaded) for <paramref name="symbol"/>, which must be normalised.</summary>
    public OrderBook(string symbol, OrderBookState state, TraderOptions options, ILogger logger)
    {
        Symbol = symbol;
        _state = state;
        _options = options;
        _logger = logger;
        _breaker = new(state.Breaker, options.CircuitBreakerFailures, options.CircuitBreakerCooldown);
    }

    /// <summary>The symbol this book trades.</summary>
    public string Symbol { get; }

    /// <summary>The state to persist.</summary>
    public OrderBookState State => _state;

    /// <summary>The symbol's position limit in lots.</summary>
    public decimal Limit => _options.LimitFor(Symbol);

    /// <summary>Orders still working at the broker.</summary>
    public IEnumerable<OrderRecord> Working => _state.Orders.Values.Where(o => o.Status.IsWorking());

    /// <summary>The order with this client order id, while the book holds it.</summary>
    public OrderRecord? Find(string clientOrderId) => _state.Orders.GetValueOrDefault(clientOrderId);

    /// <summary>
    /// The first half of a submit: the trading-state and position-limit checks, then the question
    /// to put to the risk budget (the position with every working order on the order's side filled,
    /// before and after this order). Changes nothing.
    /// </summary>
    public (Denial? Denial, RiskCheck? RiskQuestion) Check(OrderRequest request, Quote? quote)
    {
        EnsureOwn(request);
        var (workingBuys, workingSells) = WorkingLots();
        var position = _state.Position.Quantity;
        if (PreTradeCheck.Deny(request, _state.TradingState, _state.TradingStateReason, position, workingBuys, workingSells, Limit) is { } reason)
        {
            var category = request.Source == OrderSources.Flatten ? "not_reducing" : _state.TradingState switch
            {
                TradingState.Halted => "halted",
                TradingState.Reducing when reason.StartsWith("trading is reducing", StringComparison.Ordinal) => "reducing",
                _ => "position_limit",
            };
            return (new(category, reason), null);
        }

        if (quote is null)
        {
            return (new("risk_budget", $"no market price for {Symbol}, so the risk budget cannot be checked"), null);
        }

        var current = request.Side == OrderSide.Buy ? position + workingBuys : position - workingSells;
        var projected = current + (request.Side == OrderSide.Buy ? request.Quantity : -request.Quantity);
        var price = request.LimitPrice ?? (request.Side == OrderSide.Buy ? quote.Ask : quote.Bid);
        return (null, new(Symbol, current, projected, price));
    }

    /// <summary>
    /// The second half of a submit: records the order as Denied (with <paramref name="denial"/>, or
    /// the breaker's refusal) or as Submitted with its deadline, to be sent once persisted.
    /// </summary>
    public (OrderRecord Order, OrderBookEvents Events) Submit(OrderRequest request, Denial? denial, TimeSpan timeout, DateTimeOffset now)
    {
        EnsureOwn(request);
        if (_state.Orders.ContainsKey(request.ClientOrderId))
        {
            throw new InvalidOperationException($"order {request.ClientOrderId} is already on the {Symbol} book");
        }

        var events = Begin();
        var isProbe = false;
        var (workingBuys, workingSells) = WorkingLots();

        // An exit is not the breaker's to stop: a failing venue must not trap a position.
        if (denial is null && !PreTradeCheck.IsExit(request, _state.Position.Quantity, workingBuys, workingSells))
        {
            var breakerReason = _breaker.TryAdmit(request.ClientOrderId, now, out isProbe, out var transition);
            Breaker(transition);
            denial = breakerReason is null ? null : new Denial("circuit_breaker", breakerReason);
        }

        var order = OrderRecord.From(request, now);
        PruneFinishedOrders();
        _state.Orders[order.ClientOrderId] = order;
        if (denial is var (category, reason))
        {
            order.Transition(OrderStatus.Denied, now, reason);
            Changed(order, OrderStatus.New, category);
            Finish(order, now);
            LogDenied(order.ClientOrderId, Symbol, reason);
            return (order, events);
        }

        order.IsProbe = isProbe;
        order.ExpiresAt = now + timeout;
        order.Transition(OrderStatus.Submitted, now);
        Changed(order, OrderStatus.New);
        events.ToBroker = order;
        LogSubmitted(order.ClientOrderId, order.Side.ToString(), order.Quantity, Symbol, order.Type.ToString(), timeout.TotalSeconds, isProbe);
        return (order, events);
    }

    /// <summary>The broker refused to take a submitted order: it is Rejected, a breaker failure.</summary>
    public OrderBookEvents BrokerFailed(OrderRecord order, string error, DateTimeOffset now)
    {
        var events = Begin();
        var from = order.Status;
        Fail(order, OrderStatus.Rejected, $"broker error: {error}", now);
        Changed(order, from);
        Finish(order, now);
        return events;
    }

    /// <summary>Cancels a working order (null when the book does not hold the id); a finished one is returned as it is.</summary>
    public (OrderRecord? Order, OrderBookEvents Events) Cancel(string clientOrderId, DateTimeOffset now)
    {
        var events = Begin();
        if (Find(clientOrderId) is not { } order)
        {
            return (null, events);
        }

        if (order.Status.IsWorking())
        {
            var from = order.Status;
            order.Transition(OrderStatus.Cancelled, now, "cancelled by request");
            Changed(order, from);
            Finish(order, now);
            events.Cancels.Add(order);
        }

        return (order, events);
    }

    /// <summary>Sets Active, Reducing or Halted; the reason must be printable (it is logged and shown).</summary>
    public OrderBookEvents SetTradingState(TradingState state, string reason)
    {
        if (!Enum.IsDefined(state))
        {
            throw new ArgumentException($"trading state must be {WireEnum.Names<TradingState>()}, not {(int)state}", nameof(state));
        }

        reason = Printable(reason);
        var events = Begin();
        if (_state.TradingState != state)
        {
            LogTradingState(Symbol, _state.TradingState.ToString(), state.ToString(), reason);
        }

        _state.TradingState = state;
        _state.TradingStateReason = state == TradingState.Active ? null : reason;
        events.NeedsWrite = true;
        return events;
    }

    /// <summary>The reason prefix of a symbol the portfolio kill switch made Reducing.</summary>
    public const string KillSwitchReason = "kill switch: ";

    /// <summary>
    /// The portfolio kill switch, tripped for <paramref name="reason"/> or lifted (null): tripped, an
    /// Active symbol becomes Reducing with the switch's reason; lifted, a symbol the switch made
    /// Reducing is Active again. A symbol an operator made Reducing or Halted keeps its state either way.
    /// </summary>
    public OrderBookEvents ApplyKillSwitch(string? reason)
    {
        if (reason is not null && _state.TradingState == TradingState.Active)
        {
            return SetTradingState(TradingState.Reducing, KillSwitchReason + reason);
        }

        return reason is null && _state.TradingState == TradingState.Reducing
            && _state.TradingStateReason?.StartsWith(KillSwitchReason, StringComparison.Ordinal) == true
                ? SetTradingState(TradingState.Active, "kill switch lifted by an admin")
                : Begin();
    }

    /// <summary>Closes the breaker and clears its failure count.</summary>
    public OrderBookEvents ResetBreaker() => ChangeBreaker(_breaker.Reset());

    /// <summary>Holds the breaker open until <see cref="ResumeBreaker"/>.</summary>
    public OrderBookEvents HaltBreaker(string reason) =>
        ChangeBreaker(_breaker.Isolate(string.IsNullOrWhiteSpace(reason) ? "halted by an operator" : Printable(reason)));

    /// <summary>Releases a halted breaker.</summary>
    public OrderBookEvents ResumeBreaker() => ChangeBreaker(_breaker.Release());

    /// <summary>Limits, breaker, timeout and trading state as of <paramref name="now"/>.</summary>
    public SymbolView View(TimeSpan timeout, DateTimeOffset now) => new(
        Symbol, Limit, _state.Position.Quantity, _state.TradingState, _state.TradingStateReason,
        timeout.TotalSeconds, _breaker.View(now), Working.Count());

    private OrderBookEvents ChangeBreaker(CircuitTransition? transition)
    {
        var events = Begin();
        Breaker(transition);
        events.NeedsWrite = true;
        return events;
    }

    // Each command starts a fresh set of events; the previous command's belong to its caller.
    private OrderBookEvents Begin() => _events = new OrderBookEvents();

    private void Changed(OrderRecord order, OrderStatus from, string? denyCategory = null)
    {
        _events.Changes.Add(new(order.ToView(), from, denyCategory));
        _events.NeedsWrite = true;
    }

    private void Breaker(CircuitTransition? transition)
    {
        if (transition is { } t)
        {
            LogBreaker(Symbol, t.From.ToString(), t.To.ToString(), t.Reason);
            _events.Transitions.Add(t);
            _events.NeedsWrite = true;
        }
    }

    private (decimal Buys, decimal Sells) WorkingLots()
    {
        decimal buys = 0m, sells = 0m;
        foreach (var order in Working)
        {
            if (order.Side == OrderSide.Buy)
            {
                buys += order.Remaining;
            }
            else
            {
                sells += order.Remaining;
            }
        }

        return (buys, sells);
    }

    private void EnsureOwn(OrderRequest request)
    {
        if (!string.Equals(request.Symbol, Symbol, StringComparison.Ordinal))
        {
            throw new ArgumentException($"an order for {request.Symbol} does not belong on the {Symbol} book", nameof(request));
        }
    }

    // An operator's reason is logged and shown: refused unless printable, whoever sent it.
    private static string Printable(string reason) =>
        TextRules.PrintableError("reason", reason, TextRules.MaxReasonLength) is { } error ? throw new ArgumentException(error, nameof(reason)) : reason;
}
