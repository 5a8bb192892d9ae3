using AriaPro.Grains.Interfaces.Monitoring;
using AriaPro.Grains.Interfaces.Risk;
using AriaPro.Grains.Interfaces.Signals;
using AriaPro.Grains.Interfaces.Trading;

namespace AriaPro.Client;

/// <summary>
/// <see cref="IAriaProClient"/> over a grain factory. Arguments are checked here, before any grain
/// call, with the cluster's own rules (<see cref="OrderRules"/>), so a bad request never reaches the
/// cluster; the cluster checks them again. Symbols are upper-cased. A call that fails transiently (a
/// silo died, Redis is down) is retried with backoff for <see cref="AriaProClientOptions.RetryFor"/>:
/// orders with the same client order id, so an order is placed at most once however often it is sent.
/// </summary>
public sealed class AriaProClient(IGrainFactory grains, AriaProClientOptions? options = null, TimeProvider? time = null) : IAriaProClient
{
    private static readonly TimeSpan[] Backoff =
        [TimeSpan.FromSeconds(0.25), TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)];

    /// <summary>How often <see cref="WaitForFinalAsync"/> asks for the order.</summary>
    public static readonly TimeSpan FinalPollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>Key of the stateless trading desk grain.</summary>
    public const long TradingDeskKey = 0;

    /// <summary>Reason recorded when an operator halts a breaker without giving one.</summary>
    public const string DefaultHaltReason = "halted by operator";

    /// <summary>Reason recorded when an operator changes a trading state without giving one.</summary>
    public const string DefaultStateReason = "set by an operator";

    private readonly IGrainFactory _grains = grains ?? throw new ArgumentNullException(nameof(grains));
    private readonly TimeSpan _retryFor = (options ?? new AriaProClientOptions()).RetryFor;
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>Raised before each retry with the attempt number and the transient failure; for logging.</summary>
    public event Action<int, Exception>? Retrying;

    /// <inheritdoc />
    public async Task<SubmitResult> SubmitOrderAsync(OrderRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);

        // The order rules are the cluster's to apply, once (its order intake refuses a bad request
        // before anything is claimed). Only an id that cannot name an order is answered here,
        // without a call, with every rule the request breaks.
        if (OrderRules.UnroutableErrors(request, s => Symbol.TryParse(s, out _)) is { } errors)
        {
            throw new OrderRejectedException(errors);
        }

        var entry = _grains.GetGrain<IOrderEntryGrain>(0);
        try
        {
            return await Retry(() => entry.Submit(request), cancellationToken);
        }
        catch (InvalidOrderException invalid)
        {
            throw new OrderRejectedException(invalid.Errors, invalid);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<BatchOrderResult>> SubmitOrdersAsync(IReadOnlyList<OrderRequest> requests, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var batch = _grains.GetGrain<IOrderBatchGrain>(0);
        return Retry(() => batch.Submit(requests), cancellationToken);
    }

    /// <inheritdoc />
    public Task<OrderView?> GetOrderAsync(string clientOrderId, CancellationToken cancellationToken = default) =>
        Retry(Order(clientOrderId).Get, cancellationToken);

    /// <inheritdoc />
    public Task<OrderView?> CancelOrderAsync(string clientOrderId, CancellationToken cancellationToken = default) =>
        Retry(Order(clientOrderId).Cancel, cancellationToken);

    /// <inheritdoc />
    public async Task<OrderView> WaitForFinalAsync(string clientOrderId, CancellationToken cancellationToken = default)
    {
        var order = Order(clientOrderId);
        while (true)
        {
            var current = await Retry(order.Get, cancellationToken)
                ?? throw new ArgumentException($"no order has client order id '{clientOrderId}'", nameof(clientOrderId));
            if (current.Status.IsTerminal())
            {
                return current;
            }

            await Task.Delay(FinalPollInterval, _time, cancellationToken);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<PositionView>> GetPositionsAsync(CancellationToken cancellationToken = default) =>
        Retry(_grains.GetGrain<ITradingDeskGrain>(TradingDeskKey).GetPositions, cancellationToken);

    /// <inheritdoc />
    public Task<SymbolView> GetSymbolAsync(string symbol, CancellationToken cancellationToken = default) =>
        Retry(Trader(symbol).GetStatus, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<OrderView>> GetWorkingOrdersAsync(string symbol, CancellationToken cancellationToken = default) =>
        Retry(Trader(symbol).GetWorkingOrders, cancellationToken);

    /// <inheritdoc />
    public Task<SymbolView> ResetCircuitBreakerAsync(string symbol, CancellationToken cancellationToken = default) =>
        Retry(Trader(symbol).ResetCircuitBreaker, cancellationToken);

    /// <inheritdoc />
    public Task<SymbolView> HaltAsync(string symbol, string? reason = null, CancellationToken cancellationToken = default)
    {
        var trader = Trader(symbol);
        var why = string.IsNullOrWhiteSpace(reason) ? DefaultHaltReason : reason.Trim();
        return Retry(() => trader.HaltCircuitBreaker(why), cancellationToken);
    }

    /// <inheritdoc />
    public Task<SymbolView> ResumeAsync(string symbol, CancellationToken cancellationToken = default) =>
        Retry(Trader(symbol).ResumeCircuitBreaker, cancellationToken);

    /// <inheritdoc />
    public Task<SymbolView> SetTradingStateAsync(string symbol, TradingState state, string? reason = null, CancellationToken cancellationToken = default)
    {
        var trader = Trader(symbol);
        if (!Enum.IsDefined(state))
        {
            throw new ArgumentException($"state must be {Grains.Interfaces.Http.WireEnum.Names<TradingState>()}, not {(int)state}", nameof(state));
        }

        var why = string.IsNullOrWhiteSpace(reason) ? DefaultStateReason : reason.Trim();
        return Retry(() => trader.SetTradingState(state, why), cancellationToken);
    }

    /// <inheritdoc />
    public Task<SignalView?> GetSignalAsync(string symbol, CancellationToken cancellationToken = default) =>
        Retry(_grains.GetGrain<ISignalGrain>(Symbol.Parse(symbol, nameof(symbol)).Value).GetLatest, cancellationToken);

    /// <inheritdoc />
    public Task<FlattenResult> FlattenAsync(string symbol, CancellationToken cancellationToken = default)
    {
        var parsed = Symbol.Parse(symbol, nameof(symbol)).Value;
        return Retry(() => _grains.GetGrain<ITradingDeskGrain>(0).FlattenSymbol(parsed), cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<FlattenResult>> FlattenAllAsync(CancellationToken cancellationToken = default) =>
        Retry(_grains.GetGrain<ITradingDeskGrain>(0).Flatten, cancellationToken);

    /// <inheritdoc />
    public Task<LossLimitsView> ResumeTradingAsync(string? reason = null, CancellationToken cancellationToken = default)
    {
        var why = string.IsNullOrWhiteSpace(reason) ? "resumed by an admin" : reason.Trim();
        return Retry(() => _grains.GetGrain<IRiskGrain>(IRiskGrain.Portfolio).ResumeTrading(why), cancellationToken);
    }

    /// <inheritdoc />
    public Task<PortfolioRisk> GetRiskAsync(CancellationToken cancellationToken = default) =>
        Retry(_grains.GetGrain<IRiskGrain>(IRiskGrain.Portfolio).GetMetrics, cancellationToken);

    /// <inheritdoc />
    public Task<ModelsView> GetModelsAsync(CancellationToken cancellationToken = default) =>
        Retry(_grains.GetGrain<IModelDeskGrain>(0).GetModels, cancellationToken);

    /// <inheritdoc />
    public Task<AlertsView> GetAlertsAsync(CancellationToken cancellationToken = default) =>
        Retry(_grains.GetGrain<IAlertManagerGrain>(IAlertManagerGrain.Key).GetAlerts, cancellationToken);

    /// <inheritdoc />
    public Task<Alert?> AcknowledgeAlertAsync(string alertId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(alertId);
        return Retry(() => _grains.GetGrain<IAlertManagerGrain>(IAlertManagerGrain.Key).Acknowledge(alertId, "sdk client"), cancellationToken); // the guard records the key id instead
    }

    // Every call here may be repeated: reads trivially, orders by their client order id, breaker
    // and state commands because they set a state rather than toggle one.
    private async Task<T> Retry<T>(Func<Task<T>> call, CancellationToken cancellationToken)
    {
        var deadline = _time.GetUtcNow() + _retryFor;
        for (var attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                return await call().WaitAsync(cancellationToken);
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested && TransientFailure.Cause(exception) is { } cause)
            {
                if (_time.GetUtcNow() >= deadline)
                {
                    throw new AriaUnavailableException(
                        $"the cluster did not answer after {attempt} attempts over {_retryFor.TotalSeconds:0.#} s ({cause.GetType().Name}: {cause.Message}); the same call is safe to send again",
                        exception);
                }

                Retrying?.Invoke(attempt, exception);
                var delay = Backoff[Math.Min(attempt - 1, Backoff.Length - 1)];
                await Task.Delay(delay, _time, cancellationToken);
            }
        }
    }

    private IOrderGrain Order(string clientOrderId)
    {
        if (OrderRules.ClientOrderIdError(clientOrderId) is { } error)
        {
            throw new ArgumentException(error, nameof(clientOrderId));
        }

        return _grains.GetGrain<IOrderGrain>(clientOrderId);
    }

    private ITraderGrain Trader(string symbol) => _grains.GetGrain<ITraderGrain>(Symbol.Parse(symbol, nameof(symbol)).Value);
}
