namespace AriaPro.Grains.Interfaces.Trading;

/// <summary>How an order is priced.</summary>
[GenerateSerializer, Alias("AriaPro.OrderType")]
public enum OrderType
{
    /// <summary>Trades at the market's price.</summary>
    Market,
    /// <summary>Trades only at the limit price or better.</summary>
    Limit,
}
