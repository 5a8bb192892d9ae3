namespace AriaPro.Grains.Interfaces.Trading;

/// <summary>How an order is priced.</summary>
[GenerateSerializer, Alias("AriaPro.OrderType")]
public enum OrderType
{
    Market,
    Limit,
}
