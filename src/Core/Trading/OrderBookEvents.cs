using AriaPro.Grains.Interfaces.Trading;

namespace AriaPro.Core.Trading;

/// <summary>Why an order is refused: a short category (a metric label) and the reason a person reads.</summary>
public readonly record struct Denial(string Category, string Reason);

/// <summary>An order's state changed from <paramref name="From"/>: counted and published once persisted.</summary>
public readonly record struct OrderChange(OrderView Order, OrderStatus From, string? DenyCategory);

/// <summary>
/// What one command to an <see cref="OrderBook"/> did, for its adapter to act on in this order:
/// persist the book when <see cref="NeedsWrite"/>, then publish <see cref="Changes"/> and
/// <see cref="Transitions"/>, archive <see cref="Finished"/>, cancel <see cref="Cancels"/> at the
/// broker, send <see cref="ToBroker"/>, and report the position when <see cref="PositionChanged"/>.
/// Nothing here may leave the process before the write has succeeded.
/// </summary>
public sealed class OrderBookEvents
{
    internal static OrderBookEvents None => new();

    /// <summary>True when the book's state changed and must be written before anything is acknowledged.</summary>
    public bool NeedsWrite { get; internal set; }

    /// <summary>Orders whose status changed, as they are after the change.</summary>
    public List<OrderChange> Changes { get; } = [];

    /// <summary>Breaker transitions, in the order they happened.</summary>
    public List<CircuitTransition> Transitions { get; } = [];

    /// <summary>Orders that finished: their order grains keep them from now on.</summary>
    public List<OrderRecord> Finished { get; } = [];

    /// <summary>Orders that ended here while the broker may still work them: tell the broker.</summary>
    public List<OrderRecord> Cancels { get; } = [];

    /// <summary>An order that passed every check and must be sent to the broker.</summary>
    public OrderRecord? ToBroker { get; internal set; }

    /// <summary>A fill moved the position: the risk grain should hear of it.</summary>
    public bool PositionChanged { get; internal set; }

    /// <summary>
    /// What several commands did, as one: a single write covers them all. <see cref="ToBroker"/> is
    /// not carried over: each part's order is the caller's to send, after the write.
    /// </summary>
    public static OrderBookEvents Combine(IEnumerable<OrderBookEvents> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var all = new OrderBookEvents();
        foreach (var part in parts)
        {
            all.NeedsWrite |= part.NeedsWrite;
            all.PositionChanged |= part.PositionChanged;
            all.Changes.AddRange(part.Changes);
            all.Transitions.AddRange(part.Transitions);
            all.Finished.AddRange(part.Finished);
            all.Cancels.AddRange(part.Cancels);
        }

        return all;
    }
}
