using AriaPro.Grains.Interfaces.Risk;
using AriaPro.Grains.Interfaces.Trading;

namespace AriaPro.Grains.Trading;

/// <summary>Everything a trader persists: orders, position, breaker and trading state.</summary>
[GenerateSerializer, Alias("AriaPro.TraderState")]
public sealed class TraderState
{
    [Id(0)] public Dictionary<string, OrderRecord> Orders { get; set; } = new(StringComparer.Ordinal);
    [Id(1)] public PositionBook Position { get; set; } = new();
    [Id(2)] public CircuitBreakerState Breaker { get; set; } = new();
    [Id(3)] public TradingState TradingState { get; set; } = TradingState.Active;
    [Id(4)] public string? TradingStateReason { get; set; }
    [Id(5)] public ClosedTrades ClosedTrades { get; set; } = ClosedTrades.None;
    [Id(6)] public decimal LastPrice { get; set; }
}
