using AriaPro.Grains.Interfaces.Monitoring;
using AriaPro.Grains.Interfaces.Risk;
using AriaPro.Grains.Interfaces.Signals;
using AriaPro.Grains.Interfaces.Trading;

namespace AriaPro.Client;

/// <summary>
/// The cluster through the gateway, one typed call per thing the HTTP API offers (mock it in your
/// own tests). Every call checks its arguments before any grain call, carries the client's token,
/// retries a transient failure for <see cref="AriaProClientOptions.RetryFor"/>, and stops at its
/// <see cref="CancellationToken"/>. Refusals are typed: <see cref="OrderRejectedException"/>,
/// <see cref="ClientOrderIdConflictException"/>, <see cref="Grains.Interfaces.Security.NotAuthorizedException"/>,
/// <see cref="Grains.Interfaces.Security.CallRateLimitedException"/>, <see cref="ArgumentException"/>
/// for a symbol not traded here, and <see cref="AriaUnavailableException"/> when the cluster did not answer within the retries.
/// </summary>
public interface IAriaProClient
{
    /// <summary>Submits an order (trader); the same request again returns the first order with <c>Duplicate</c> set.</summary>
    Task<SubmitResult> SubmitOrderAsync(OrderRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Submits up to <see cref="OrderRules.MaxBatchOrders"/> orders in one call (trader), each
    /// answered on its own in the order given: its <see cref="SubmitResult"/>, or a
    /// <see cref="BatchOrderFailure"/> saying why it was not submitted. Each order's trader writes
    /// once for all of the batch's orders on its symbol. Sending the same batch again is safe: orders
    /// already submitted come back with <c>Duplicate</c> set.
    /// </summary>
    Task<IReadOnlyList<BatchOrderResult>> SubmitOrdersAsync(IReadOnlyList<OrderRequest> requests, CancellationToken cancellationToken = default);

    /// <summary>The order with this client order id, or null when the id was never used (viewer).</summary>
    Task<OrderView?> GetOrderAsync(string clientOrderId, CancellationToken cancellationToken = default);

    /// <summary>Cancels the order; null when the id was never used (trader).</summary>
    Task<OrderView?> CancelOrderAsync(string clientOrderId, CancellationToken cancellationToken = default);

    /// <summary>Waits until the order is filled, cancelled, rejected, expired or denied, and returns it (viewer).</summary>
    /// <exception cref="ArgumentException">The id was never used.</exception>
    Task<OrderView> WaitForFinalAsync(string clientOrderId, CancellationToken cancellationToken = default);

    /// <summary>Every configured symbol's position (viewer).</summary>
    Task<IReadOnlyList<PositionView>> GetPositionsAsync(CancellationToken cancellationToken = default);

    /// <summary>A symbol's limit, position, breaker, timeout and trading state (viewer).</summary>
    Task<SymbolView> GetSymbolAsync(string symbol, CancellationToken cancellationToken = default);

    /// <summary>A symbol's orders still working at the broker (viewer).</summary>
    Task<IReadOnlyList<OrderView>> GetWorkingOrdersAsync(string symbol, CancellationToken cancellationToken = default);

    /// <summary>Closes the symbol's circuit breaker and clears its failure count (admin).</summary>
    Task<SymbolView> ResetCircuitBreakerAsync(string symbol, CancellationToken cancellationToken = default);

    /// <summary>Holds the symbol's circuit breaker open until resumed (admin).</summary>
    Task<SymbolView> HaltAsync(string symbol, string? reason = null, CancellationToken cancellationToken = default);

    /// <summary>Releases a halted circuit breaker (admin).</summary>
    Task<SymbolView> ResumeAsync(string symbol, CancellationToken cancellationToken = default);

    /// <summary>Sets the symbol's trading state: Active, Reducing (only orders that shrink the position) or Halted (admin).</summary>
    Task<SymbolView> SetTradingStateAsync(string symbol, TradingState state, string? reason = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Closes the symbol's position: cancels its working orders and sends a market order for the whole
    /// position, which passes a halted symbol, an open breaker and the limits because it only reduces (admin).
    /// </summary>
    Task<FlattenResult> FlattenAsync(string symbol, CancellationToken cancellationToken = default);

    /// <summary>Flattens every traded symbol, as <see cref="FlattenAsync"/> does one (admin).</summary>
    Task<IReadOnlyList<FlattenResult>> FlattenAllAsync(CancellationToken cancellationToken = default);

    /// <summary>Lifts a tripped portfolio kill switch and re-arms the loss limits from the equity now (admin).</summary>
    Task<LossLimitsView> ResumeTradingAsync(string? reason = null, CancellationToken cancellationToken = default);

    /// <summary>The latest fused signal for the symbol, or null before the first analysis (viewer).</summary>
    Task<SignalView?> GetSignalAsync(string symbol, CancellationToken cancellationToken = default);

    /// <summary>The portfolio's risk figures, as <c>GET /trading/risk/metrics</c> (viewer).</summary>
    Task<PortfolioRisk> GetRiskAsync(CancellationToken cancellationToken = default);

    /// <summary>Every signal model's health, as <c>GET /ai/models</c> (viewer).</summary>
    Task<ModelsView> GetModelsAsync(CancellationToken cancellationToken = default);

    /// <summary>Firing and recently resolved alerts (viewer).</summary>
    Task<AlertsView> GetAlertsAsync(CancellationToken cancellationToken = default);

    /// <summary>Acknowledges an alert; null when no alert has the id (admin).</summary>
    Task<Alert?> AcknowledgeAlertAsync(string alertId, CancellationToken cancellationToken = default);
}
