namespace AriaPro.Grains.Interfaces.Trading;

/// <summary>
/// One broker event for an order; fills carry quantity and price, and an execution id unique
/// within the order, by which a fill delivered twice is booked once.
/// </summary>
[GenerateSerializer, Immutable, Alias("AriaPro.ExecutionReport")]
public sealed record ExecutionReport(
    [property: Id(0)] string ClientOrderId,
    [property: Id(1)] ExecutionKind Kind,
    [property: Id(2)] decimal FillQuantity,
    [property: Id(3)] decimal FillPrice,
    [property: Id(4)] string? Reason,
    [property: Id(5)] DateTimeOffset Timestamp,
    [property: Id(6)] string? ExecutionId = null);
