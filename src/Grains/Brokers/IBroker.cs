namespace AriaPro.Grains.Brokers;

/// <summary>
/// A broker adapter. Calls return once the broker has the request; what becomes of the order
/// arrives later as execution reports on the owning <c>ITraderGrain</c>, as it does with a real
/// venue. Implementations must never call back into the trader from inside these methods.
/// </summary>
public interface IBroker
{
    /// <summary>Hands an order to the broker.</summary>
    Task Submit(BrokerOrder order);

    /// <summary>Asks the broker to cancel an order; unknown or finished orders are ignored.</summary>
    Task Cancel(string symbol, string clientOrderId);
}
