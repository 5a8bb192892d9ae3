namespace AriaPro.Grains.Interfaces.Trading;

/// <summary>What a trader lets through: everything, only position-reducing orders, or nothing.</summary>
[GenerateSerializer, Alias("AriaPro.TradingState")]
public enum TradingState
{
    Active,
    Reducing,
    Halted,
}
