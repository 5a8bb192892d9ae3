using AriaPro.Grains.Interfaces.Security;
using Orleans.Concurrency;

namespace AriaPro.Grains.Interfaces.Trading;

/// <summary>
/// One per symbol (key: <c>EURUSD</c>). The single owner of the symbol's orders, position,
/// position limit, circuit breaker, adaptive order timeout and trading state.
/// </summary>
[Alias("AriaPro.ITraderGrain")]
public interface ITraderGrain : IGrainWithStringKey
{
    /// <summary>Runs the pre-trade checks and sends the order to the broker; a known client order id returns the first order.</summary>
    [Alias("Submit")]
    Task<SubmitResult> Submit(OrderRequest request);

    /// <summary>
    /// <see cref="Submit"/> for several orders at once, checked in the order given, with one state
    /// write for all of them before any is acknowledged or sent to the broker; the answers are in
    /// the order of <paramref name="requests"/>.
    /// </summary>
    [Alias("SubmitMany")]
    Task<IReadOnlyList<SubmitResult>> SubmitMany(IReadOnlyList<OrderRequest> requests);

    /// <summary>The order with this client order id, or null.</summary>
    [Alias("GetOrder"), CallerRole(AriaRoles.Viewer)]
    Task<OrderView?> GetOrder(string clientOrderId);

    /// <summary>Cancels a working order; returns it, or null when the id is unknown.</summary>
    [Alias("Cancel")]
    Task<OrderView?> Cancel(string clientOrderId);

    /// <summary>
    /// Applies broker reports (acknowledgement, reject, fill or cancel) in the order given, and
    /// persists them with one write: a venue that acknowledges and fills a market order at once
    /// sends both together. A report applied before is applied once.
    /// </summary>
    [Alias("OnExecutionReports")]
    Task OnExecutionReports(IReadOnlyList<ExecutionReport> reports);


    /// <summary>Expires working orders the broker has not acknowledged in time; returns how many.</summary>
    [Alias("ExpireOverdueOrders")]
    Task<int> ExpireOverdueOrders();

    /// <summary>Limits, breaker, timeout and trading state.</summary>
    [Alias("GetStatus"), CallerRole(AriaRoles.Viewer, Endpoint = "GET /trading/symbols/{symbol}")]
    Task<SymbolView> GetStatus();

    /// <summary>Position and PnL marked at the current quote.</summary>
    [Alias("GetPosition"), CallerRole(AriaRoles.Viewer)]
    Task<PositionView> GetPosition();

    /// <summary>Orders still working at the broker.</summary>
    [Alias("GetWorkingOrders"), CallerRole(AriaRoles.Viewer)]
    Task<IReadOnlyList<OrderView>> GetWorkingOrders();

    /// <summary>Closes the breaker and clears its failure count.</summary>
    [Alias("ResetCircuitBreaker"), CallerRole(AriaRoles.Admin, Endpoint = "POST /trading/symbols/{symbol}/circuit-breaker/reset")]
    Task<SymbolView> ResetCircuitBreaker();

    /// <summary>Holds the breaker open (Isolated) until resumed.</summary>
    [Alias("HaltCircuitBreaker"), CallerRole(AriaRoles.Admin, Endpoint = "POST /trading/symbols/{symbol}/circuit-breaker/halt")]
    Task<SymbolView> HaltCircuitBreaker(string reason);

    /// <summary>Releases an isolated breaker (to Closed).</summary>
    [Alias("ResumeCircuitBreaker"), CallerRole(AriaRoles.Admin, Endpoint = "POST /trading/symbols/{symbol}/circuit-breaker/resume")]
    Task<SymbolView> ResumeCircuitBreaker();

    /// <summary>
    /// The portfolio kill switch, tripped for <paramref name="reason"/> or lifted (null): an Active
    /// symbol becomes Reducing, and Active again when lifted (the risk grain sends it; silos only).
    /// One-way: the risk grain may be what this trader is waiting on, so it never waits in turn.
    /// </summary>
    [Alias("ApplyKillSwitch"), Orleans.Concurrency.OneWay]
    Task ApplyKillSwitch(string? reason);

    /// <summary>Sets Active, Reducing or Halted.</summary>
    [Alias("SetTradingState"), CallerRole(AriaRoles.Admin, Endpoint = "PUT /trading/symbols/{symbol}/trading-state")]
    Task<SymbolView> SetTradingState(TradingState state, string reason);
}
