using AriaPro.Grains.Interfaces.Trading;

namespace AriaPro.Grains.Interfaces.Http;

/// <summary>One symbol's trading guards.</summary>
public sealed record TraderStatus(
    string Symbol, TradingState TradingState, CircuitState Breaker, int ConsecutiveFailures,
    DateTimeOffset? OpensUntil, decimal Position, decimal PositionLimit, int WorkingOrders);
