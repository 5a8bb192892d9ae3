using AriaPro.Grains.Interfaces.Risk;
using AriaPro.Grains.Interfaces.Trading;

namespace AriaPro.Core.Trading;

/// <summary>Everything one symbol's book holds and its trader persists: orders, position, breaker and trading state.</summary>
public sealed class OrderBookState
{
    /// <summary>Working orders, and finished ones until their archive is confirmed (and a short window after).</summary>
    public Dictionary<string, OrderRecord> Orders { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The net position, its average entry and realized PnL.</summary>
    public PositionBook Position { get; set; } = new();

    /// <summary>The symbol's circuit breaker.</summary>
    public CircuitBreakerState Breaker { get; set; } = new();

    /// <summary>Active, Reducing or Halted.</summary>
    public TradingState TradingState { get; set; } = TradingState.Active;

    /// <summary>Why the symbol is not Active; null while it is.</summary>
    public string? TradingStateReason { get; set; }

    /// <summary>Counts and sums of the trades that closed a position, for Kelly sizing.</summary>
    public ClosedTrades ClosedTrades { get; set; } = ClosedTrades.None;

    /// <summary>The price of the last fill, the mark until a quote is asked for.</summary>
    public decimal LastPrice { get; set; }
}
