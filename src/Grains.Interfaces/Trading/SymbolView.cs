namespace AriaPro.Grains.Interfaces.Trading;

/// <summary>A symbol's limits and guards as its trader holds them.</summary>
[GenerateSerializer, Immutable, Alias("AriaPro.SymbolView")]
public sealed record SymbolView(
    [property: Id(0)] string Symbol,
    [property: Id(1)] decimal PositionLimit,
    [property: Id(2)] decimal Position,
    [property: Id(3)] TradingState TradingState,
    [property: Id(4)] string? TradingStateReason,
    [property: Id(5)] double OrderTimeoutSeconds,
    [property: Id(6)] CircuitBreakerView CircuitBreaker,
    [property: Id(7)] int WorkingOrders);
