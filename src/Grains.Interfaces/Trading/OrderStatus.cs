namespace AriaPro.Grains.Interfaces.Trading;

/// <summary>Life cycle of an order. Filled, Cancelled, Rejected, Expired and Denied are terminal.</summary>
[GenerateSerializer, Alias("AriaPro.OrderStatus")]
public enum OrderStatus
{
    /// <summary>Known, not yet checked.</summary>
    New,
    /// <summary>Passed the pre-trade checks and sent to the broker.</summary>
    Submitted,
    /// <summary>Taken by the broker, not yet traded.</summary>
    Accepted,
    /// <summary>Part of the quantity traded.</summary>
    PartiallyFilled,
    /// <summary>The whole quantity traded (terminal).</summary>
    Filled,
    /// <summary>Cancelled before it traded in full (terminal).</summary>
    Cancelled,
    /// <summary>Refused by the broker (terminal).</summary>
    Rejected,
    /// <summary>Not acknowledged within its timeout (terminal).</summary>
    Expired,
    /// <summary>Refused by a pre-trade check; never sent (terminal).</summary>
    Denied,
}
