using AriaPro.Grains.Interfaces.Trading;

namespace AriaPro.Grains.Brokers;

/// <summary>
/// The paper venue's own record of an order, stored as a venue keeps its book: written when the
/// venue takes the order and again, with the reports that end it, before those reports go out. A
/// venue that comes back after a crash answers from it: the same fill at the same price, never a
/// second execution.
/// </summary>
/// <param name="Order">The order as the venue took it.</param>
/// <param name="Final">The reports that ended it (an acknowledgement and a fill, a rejection, a cancellation), or null while it works.</param>
[GenerateSerializer, Immutable, Alias("AriaPro.PaperOrderRecord")]
public sealed record PaperOrderRecord(
    [property: Id(0)] BrokerOrder Order,
    [property: Id(1)] ExecutionReport[]? Final);
