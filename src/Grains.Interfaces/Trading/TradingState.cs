namespace AriaPro.Grains.Interfaces.Trading;

/// <summary>What a trader lets through: everything, only position-reducing orders, or nothing.</summary>
[GenerateSerializer, Alias("AriaPro.TradingState")]
public enum TradingState
{
    /// <summary>Every order may pass.</summary>
    Active,
    /// <summary>Only orders that shrink the position pass.</summary>
    Reducing,
    /// <summary>No order passes.</summary>
    Halted,
}
