namespace AriaPro.Grains.Interfaces.Trading;

/// <summary>Direction of an order.</summary>
[GenerateSerializer, Alias("AriaPro.OrderSide")]
public enum OrderSide
{
    Buy,
    Sell,
}
