using AriaPro.Core.Trading;
using AriaPro.Grains.Interfaces.Risk;
using AriaPro.Grains.Interfaces.Trading;

namespace AriaPro.Grains.Trading;

// The core's book carries no Orleans type; these surrogates are how Orleans stores it. Their field
// ids are those the state classes carried when they lived here, so state written before the core
// moved out reads back unchanged (OrderBookStorageTests).

[GenerateSerializer, Alias("AriaPro.TraderState")]
internal struct OrderBookStateSurrogate
{
    [Id(0)] public Dictionary<string, OrderRecord> Orders;
    [Id(1)] public PositionBook Position;
    [Id(2)] public CircuitBreakerState Breaker;
    [Id(3)] public TradingState TradingState;
    [Id(4)] public string? TradingStateReason;
    [Id(5)] public ClosedTrades ClosedTrades;
    [Id(6)] public decimal LastPrice;
}

[RegisterConverter]
internal sealed class OrderBookStateConverter : IConverter<OrderBookState, OrderBookStateSurrogate>
{
    public OrderBookState ConvertFromSurrogate(in OrderBookStateSurrogate s) => new()
    {
        Orders = s.Orders ?? new(StringComparer.Ordinal),
        Position = s.Position ?? new(),
        Breaker = s.Breaker ?? new(),
        TradingState = s.TradingState,
        TradingStateReason = s.TradingStateReason,
        ClosedTrades = s.ClosedTrades ?? ClosedTrades.None,
        LastPrice = s.LastPrice,
    };

    public OrderBookStateSurrogate ConvertToSurrogate(in OrderBookState v) => new()
    {
        Orders = v.Orders,
        Position = v.Position,
        Breaker = v.Breaker,
        TradingState = v.TradingState,
        TradingStateReason = v.TradingStateReason,
        ClosedTrades = v.ClosedTrades,
        LastPrice = v.LastPrice,
    };
}

[GenerateSerializer, Alias("AriaPro.OrderRecord")]
internal struct OrderRecordSurrogate
{
    [Id(0)] public string ClientOrderId;
    [Id(1)] public string Symbol;
    [Id(2)] public OrderSide Side;
    [Id(3)] public OrderType Type;
    [Id(4)] public decimal Quantity;
    [Id(5)] public decimal? LimitPrice;
    [Id(6)] public decimal FilledQuantity;
    [Id(7)] public decimal? AveragePrice;
    [Id(8)] public OrderStatus Status;
    [Id(9)] public string? Reason;
    [Id(10)] public string Source;
    [Id(11)] public DateTimeOffset CreatedAt;
    [Id(12)] public DateTimeOffset UpdatedAt;
    [Id(13)] public DateTimeOffset? ExpiresAt;
    [Id(14)] public bool IsProbe;
    [Id(15)] public bool Archived;
    [Id(17)] public string? ExecutionIds;
}

[RegisterConverter]
internal sealed class OrderRecordConverter : IConverter<OrderRecord, OrderRecordSurrogate>
{
    public OrderRecord ConvertFromSurrogate(in OrderRecordSurrogate s) => new()
    {
        ClientOrderId = s.ClientOrderId ?? "",
        Symbol = s.Symbol ?? "",
        Side = s.Side,
        Type = s.Type,
        Quantity = s.Quantity,
        LimitPrice = s.LimitPrice,
        FilledQuantity = s.FilledQuantity,
        AveragePrice = s.AveragePrice,
        Status = s.Status,
        Reason = s.Reason,
        Source = s.Source ?? "api",
        CreatedAt = s.CreatedAt,
        UpdatedAt = s.UpdatedAt,
        ExpiresAt = s.ExpiresAt,
        IsProbe = s.IsProbe,
        Archived = s.Archived,
        ExecutionIds = s.ExecutionIds,
    };

    public OrderRecordSurrogate ConvertToSurrogate(in OrderRecord v) => new()
    {
        ClientOrderId = v.ClientOrderId,
        Symbol = v.Symbol,
        Side = v.Side,
        Type = v.Type,
        Quantity = v.Quantity,
        LimitPrice = v.LimitPrice,
        FilledQuantity = v.FilledQuantity,
        AveragePrice = v.AveragePrice,
        Status = v.Status,
        Reason = v.Reason,
        Source = v.Source,
        CreatedAt = v.CreatedAt,
        UpdatedAt = v.UpdatedAt,
        ExpiresAt = v.ExpiresAt,
        IsProbe = v.IsProbe,
        Archived = v.Archived,
        ExecutionIds = v.ExecutionIds,
    };
}

[GenerateSerializer, Alias("AriaPro.PositionBook")]
internal struct PositionBookSurrogate
{
    [Id(0)] public decimal Quantity;
    [Id(1)] public decimal AveragePrice;
    [Id(2)] public decimal RealizedPnl;
}

[RegisterConverter]
internal sealed class PositionBookConverter : IConverter<PositionBook, PositionBookSurrogate>
{
    public PositionBook ConvertFromSurrogate(in PositionBookSurrogate s) =>
        new() { Quantity = s.Quantity, AveragePrice = s.AveragePrice, RealizedPnl = s.RealizedPnl };

    public PositionBookSurrogate ConvertToSurrogate(in PositionBook v) =>
        new() { Quantity = v.Quantity, AveragePrice = v.AveragePrice, RealizedPnl = v.RealizedPnl };
}

[GenerateSerializer, Alias("AriaPro.CircuitBreakerState")]
internal struct CircuitBreakerStateSurrogate
{
    [Id(0)] public CircuitState State;
    [Id(1)] public int ConsecutiveFailures;
    [Id(2)] public DateTimeOffset? OpenUntil;
    [Id(3)] public string? ProbeOrderId;
    [Id(4)] public string? Reason;
}

[RegisterConverter]
internal sealed class CircuitBreakerStateConverter : IConverter<CircuitBreakerState, CircuitBreakerStateSurrogate>
{
    public CircuitBreakerState ConvertFromSurrogate(in CircuitBreakerStateSurrogate s) => new()
    {
        State = s.State, ConsecutiveFailures = s.ConsecutiveFailures, OpenUntil = s.OpenUntil, ProbeOrderId = s.ProbeOrderId, Reason = s.Reason,
    };

    public CircuitBreakerStateSurrogate ConvertToSurrogate(in CircuitBreakerState v) => new()
    {
        State = v.State, ConsecutiveFailures = v.ConsecutiveFailures, OpenUntil = v.OpenUntil, ProbeOrderId = v.ProbeOrderId, Reason = v.Reason,
    };
}
