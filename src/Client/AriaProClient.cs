using AriaPro.Grains.Interfaces.Signals;
using AriaPro.Grains.Interfaces.Trading;

namespace AriaPro.Client;

/// <summary>
/// A typed facade over the AriaPro grains. Arguments are checked here, before any grain call, so
/// a bad request never reaches the cluster. Symbols are upper-cased. A call that fails
/// transiently (a silo died, Redis is down) is retried with backoff for
/// <see cref="AriaProClientOptions.RetryFor"/>: orders with the same client order id, so an order
/// is placed at most once however often it is sent.
/// </summary>
public sealed class AriaProClient(IGrainFactory grains, AriaProClientOptions? options = null, TimeProvider? time = null)
{
    private static readonly TimeSpan[] Backoff =
        [TimeSpan.FromSeconds(0.25), TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)];

    /// <summary>Key of the stateless trading desk grain.</summary>
    public const long TradingDeskKey = 0;

    /// <summary>Reason recorded when an operator halts a breaker without giving one.</summary>
    public const string DefaultHaltReason = "halted by operator";

    private readonly IGrainFactory _grains = grains ?? throw new ArgumentNullException(nameof(grains));
    private readonly TimeSpan _retryFor = (options ?? new AriaProClientOptions()).RetryFor;
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>Raised before each retry with the attempt number and the transient failure; for logging.</summary>
    public event Action<int, Exception>? Retrying;

    /// <summary>Submits an order through its client order id; a used id returns the first order with <c>Duplicate</c> set.</summary>
    public Task<SubmitResult> SubmitOrderAsync(OrderRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequireOrderId(request.ClientOrderId, nameof(request));
        var symbol = NormalizeSymbol(request.Symbol, nameof(request));
        if (request.Quantity <= 0)
        {
            throw new ArgumentException($"Quantity must be positive, not {request.Quantity}.", nameof(request));
        }

        if (!Enum.IsDefined(request.Side) || !Enum.IsDefined(request.Type))
        {
            throw new ArgumentException("Side and Type must be defined values.", nameof(request));
        }

        switch (request.Type)
        {
            case OrderType.Limit when request.LimitPrice is not > 0:
                throw new ArgumentException("A limit order needs a positive LimitPrice.", nameof(request));
            case OrderType.Market when request.LimitPrice is not null:
                throw new ArgumentException("A market order may not have a LimitPrice.", nameof(request));
        }

        var order = _grains.GetGrain<IOrderGrain>(request.ClientOrderId);
        var normalized = request with { Symbol = symbol };
        return Retry(() => order.Submit(normalized));
    }

    /// <summary>The order with this client order id, or null when the id was never used.</summary>
    public Task<OrderView?> GetOrderAsync(string clientOrderId)
    {
        RequireOrderId(clientOrderId, nameof(clientOrderId));
        return Retry(_grains.GetGrain<IOrderGrain>(clientOrderId).Get);
    }

    /// <summary>Cancels the order; null when the id was never used.</summary>
    public Task<OrderView?> CancelOrderAsync(string clientOrderId)
    {
        RequireOrderId(clientOrderId, nameof(clientOrderId));
        return Retry(_grains.GetGrain<IOrderGrain>(clientOrderId).Cancel);
    }

    /// <summary>Every configured symbol's position.</summary>
    public Task<IReadOnlyList<PositionView>> GetPositionsAsync() =>
        Retry(_grains.GetGrain<ITradingDeskGrain>(TradingDeskKey).GetPositions);

    /// <summary>A symbol's limit, position, breaker, timeout and trading state.</summary>
    public Task<SymbolView> GetSymbolAsync(string symbol) => Retry(Trader(symbol).GetStatus);

    /// <summary>Closes the symbol's circuit breaker and clears its failure count.</summary>
    public Task<SymbolView> ResetCircuitBreakerAsync(string symbol) => Retry(Trader(symbol).ResetCircuitBreaker);

    /// <summary>Holds the symbol's circuit breaker open until resumed.</summary>
    public Task<SymbolView> HaltAsync(string symbol, string? reason = null)
    {
        var trader = Trader(symbol);
        var why = string.IsNullOrWhiteSpace(reason) ? DefaultHaltReason : reason.Trim();
        return Retry(() => trader.HaltCircuitBreaker(why));
    }

    /// <summary>Releases a halted circuit breaker.</summary>
    public Task<SymbolView> ResumeAsync(string symbol) => Retry(Trader(symbol).ResumeCircuitBreaker);

    /// <summary>The latest fused signal for the symbol, or null before the first analysis.</summary>
    public Task<SignalView?> GetSignalAsync(string symbol) =>
        Retry(_grains.GetGrain<ISignalGrain>(NormalizeSymbol(symbol, nameof(symbol))).GetLatest);

    // Every call here may be repeated: reads trivially, orders by their client order id, breaker
    // and state commands because they set a state rather than toggle one.
    private async Task<T> Retry<T>(Func<Task<T>> call)
    {
        var deadline = _time.GetUtcNow() + _retryFor;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (Exception exception) when (TransientFailure.Cause(exception) is not null && _time.GetUtcNow() < deadline)
            {
                Retrying?.Invoke(attempt, exception);
                var delay = Backoff[Math.Min(attempt - 1, Backoff.Length - 1)];
                await Task.Delay(delay, _time);
            }
        }
    }

    private ITraderGrain Trader(string symbol) => _grains.GetGrain<ITraderGrain>(NormalizeSymbol(symbol, nameof(symbol)));

    private static void RequireOrderId(string clientOrderId, string parameter)
    {
        if (string.IsNullOrWhiteSpace(clientOrderId))
        {
            throw new ArgumentException("A client order id is required.", parameter);
        }
    }

    private static string NormalizeSymbol(string symbol, string parameter)
    {
        if (string.IsNullOrWhiteSpace(symbol) || symbol.Length != 6 || !symbol.All(char.IsAsciiLetter))
        {
            throw new ArgumentException($"'{symbol}' is not a symbol of six letters such as EURUSD.", parameter);
        }

        return symbol.ToUpperInvariant();
    }
}
