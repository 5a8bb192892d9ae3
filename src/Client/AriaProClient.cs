using AriaPro.Grains.Interfaces.Signals;
using AriaPro.Grains.Interfaces.Trading;

namespace AriaPro.Client;

/// <summary>
/// A typed facade over the AriaPro grains. Arguments are checked here, before any grain call, so
/// a bad request never reaches the cluster. Symbols are upper-cased.
/// </summary>
public sealed class AriaProClient(IGrainFactory grains)
{
    /// <summary>Key of the stateless trading desk grain.</summary>
    public const long TradingDeskKey = 0;

    /// <summary>Reason recorded when an operator halts a breaker without giving one.</summary>
    public const string DefaultHaltReason = "halted by operator";

    private readonly IGrainFactory _grains = grains ?? throw new ArgumentNullException(nameof(grains));

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

        return _grains.GetGrain<IOrderGrain>(request.ClientOrderId).Submit(request with { Symbol = symbol });
    }

    /// <summary>The order with this client order id, or null when the id was never used.</summary>
    public Task<OrderView?> GetOrderAsync(string clientOrderId)
    {
        RequireOrderId(clientOrderId, nameof(clientOrderId));
        return _grains.GetGrain<IOrderGrain>(clientOrderId).Get();
    }

    /// <summary>Cancels the order; null when the id was never used.</summary>
    public Task<OrderView?> CancelOrderAsync(string clientOrderId)
    {
        RequireOrderId(clientOrderId, nameof(clientOrderId));
        return _grains.GetGrain<IOrderGrain>(clientOrderId).Cancel();
    }

    /// <summary>Every configured symbol's position.</summary>
    public Task<IReadOnlyList<PositionView>> GetPositionsAsync() =>
        _grains.GetGrain<ITradingDeskGrain>(TradingDeskKey).GetPositions();

    /// <summary>A symbol's limit, position, breaker, timeout and trading state.</summary>
    public Task<SymbolView> GetSymbolAsync(string symbol) => Trader(symbol).GetStatus();

    /// <summary>Closes the symbol's circuit breaker and clears its failure count.</summary>
    public Task<SymbolView> ResetCircuitBreakerAsync(string symbol) => Trader(symbol).ResetCircuitBreaker();

    /// <summary>Holds the symbol's circuit breaker open until resumed.</summary>
    public Task<SymbolView> HaltAsync(string symbol, string? reason = null)
    {
        var trader = Trader(symbol);
        return trader.HaltCircuitBreaker(string.IsNullOrWhiteSpace(reason) ? DefaultHaltReason : reason.Trim());
    }

    /// <summary>Releases a halted circuit breaker.</summary>
    public Task<SymbolView> ResumeAsync(string symbol) => Trader(symbol).ResumeCircuitBreaker();

    /// <summary>The latest fused signal for the symbol, or null before the first analysis.</summary>
    public Task<SignalView?> GetSignalAsync(string symbol) =>
        _grains.GetGrain<ISignalGrain>(NormalizeSymbol(symbol, nameof(symbol))).GetLatest();

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
