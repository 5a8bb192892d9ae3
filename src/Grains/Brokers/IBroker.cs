namespace AriaPro.Grains.Brokers;

/// <summary>
/// A broker adapter. Calls return once the broker has the request; what becomes of the order
/// arrives later as execution reports on the owning <c>ITraderGrain</c>, as it does with a real
/// venue. Implementations must never call back into the trader from inside these methods, and
/// must deliver every report at least once: the trader applies a repeated report only once.
/// </summary>
public interface IBroker
{
    /// <summary>Hands an order to the broker; an order the broker already holds is ignored.</summary>
    Task Submit(BrokerOrder order);

    /// <summary>Asks the broker to cancel an order; unknown or finished orders are ignored.</summary>
    Task Cancel(string symbol, string clientOrderId);

    /// <summary>
    /// Reconciles an order the trader's persisted state says is working, when the trader is
    /// activated (after a restart, or on another silo after its silo died). A broker that holds
    /// the order does nothing. One that does not must settle it by reports: a real venue reports
    /// the order's status; the paper venue answers from its stored book (the recorded end again,
    /// or the order taken up where it was) and takes up an order it never recorded for
    /// <see cref="BrokerOrder.Quantity"/> (the part not yet filled).
    /// </summary>
    /// <param name="order">The order, with its unfilled quantity.</param>
    /// <param name="acknowledged">True when the broker had already accepted it.</param>
    Task Reconcile(BrokerOrder order, bool acknowledged);
}
