namespace AriaPro.Grains.Interfaces.Trading;

/// <summary>Direction of an order.</summary>
[GenerateSerializer, Alias("AriaPro.OrderSide")]
public enum OrderSide
{
    /// <summary>Buys the base currency.</summary>
    Buy,
    /// <summary>Sells the base currency.</summary>
    Sell,
}
