using AriaPro.Grains.Interfaces.Trading;

namespace AriaPro.Core.Trading;

/// <summary>Persisted state of one order owned by a trader.</summary>
public sealed class OrderRecord
{
    public string ClientOrderId { get; set; } = "";
    public string Symbol { get; set; } = "";
    public OrderSide Side { get; set; }
    public OrderType Type { get; set; }
    public decimal Quantity { get; set; }
    public decimal? LimitPrice { get; set; }
    public decimal FilledQuantity { get; set; }
    public decimal? AveragePrice { get; set; }
    public OrderStatus Status { get; set; } = OrderStatus.New;
    public string? Reason { get; set; }
    public string Source { get; set; } = "api";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }
    public bool IsProbe { get; set; }

    /// <summary>True once this finished order, as it is now, is stored in its id's record (archived).</summary>
    public bool Archived { get; set; }

    /// <summary>
    /// Execution ids of the fills booked, one per line, so a fill the broker delivers twice is
    /// booked once. A string rather than a list: the trader writes every record on every event, and
    /// a collection in each record made an order submit a third slower (docs/PERFORMANCE.md).
    /// </summary>
    public string? ExecutionIds { get; set; }

    /// <summary>Lots not yet filled.</summary>
    public decimal Remaining => Quantity - FilledQuantity;

    /// <summary>A new order from a request.</summary>
    public static OrderRecord From(OrderRequest request, DateTimeOffset now) => new()
    {
        ClientOrderId = request.ClientOrderId,
        Symbol = request.Symbol,
        Side = request.Side,
        Type = request.Type,
        Quantity = request.Quantity,
        LimitPrice = request.LimitPrice,
        Source = request.Source,
        CreatedAt = now,
        UpdatedAt = now,
    };

    /// <summary>Moves to <paramref name="status"/> with an optional reason.</summary>
    public void Transition(OrderStatus status, DateTimeOffset now, string? reason = null)
    {
        Status = status;
        UpdatedAt = now;
        if (reason is not null)
        {
            Reason = reason;
        }
    }

    /// <summary>Adds a fill, updating the average price; the status follows unless the order is already terminal.</summary>
    public void AddFill(decimal quantity, decimal price, DateTimeOffset now)
    {
        AveragePrice = ((AveragePrice ?? 0m) * FilledQuantity + price * quantity) / (FilledQuantity + quantity);
        FilledQuantity += quantity;
        UpdatedAt = now;
        if (!Status.IsTerminal())
        {
            Status = FilledQuantity >= Quantity ? OrderStatus.Filled : OrderStatus.PartiallyFilled;
        }
    }

    /// <summary>True when a fill with this execution id has been booked.</summary>
    public bool HasExecution(string executionId) =>
        ExecutionIds is { } ids && ids.Split('\n').Contains(executionId, StringComparer.Ordinal);

    /// <summary>Records a booked fill's execution id.</summary>
    public void AddExecution(string executionId) =>
        ExecutionIds = ExecutionIds is null ? executionId : $"{ExecutionIds}\n{executionId}";

    /// <summary>The wire view.</summary>
    public OrderView ToView() => new(
        ClientOrderId, Symbol, Side, Type, Quantity, LimitPrice, FilledQuantity, AveragePrice,
        Status, Reason, Source, CreatedAt, UpdatedAt, ExpiresAt, IsProbe);
}
