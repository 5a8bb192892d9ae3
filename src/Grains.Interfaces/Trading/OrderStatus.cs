namespace AriaPro.Grains.Interfaces.Trading;

/// <summary>Life cycle of an order. Filled, Cancelled, Rejected, Expired and Denied are terminal.</summary>
[GenerateSerializer, Alias("AriaPro.OrderStatus")]
public enum OrderStatus
{
    New,
    Submitted,
    Accepted,
    PartiallyFilled,
    Filled,
    Cancelled,
    Rejected,
    Expired,
    Denied,
}
