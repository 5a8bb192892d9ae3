using AriaPro.Grains.Interfaces.Trading;

namespace AriaPro.Grains.Interfaces.Http;

/// <summary>The body of <c>PUT /trading/symbols/{symbol}/trading-state</c>: the new state, and why.</summary>
public sealed record TradingStateRequest(TradingState State, string? Reason = null);
