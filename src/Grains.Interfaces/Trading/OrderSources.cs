namespace AriaPro.Grains.Interfaces.Trading;

/// <summary>Who an order came from (<see cref="OrderRequest.Source"/>).</summary>
public static class OrderSources
{
    /// <summary>A user, through HTTP or the client SDK.</summary>
    public const string Api = "api";

    /// <summary>The auto-trader, from a symbol's signal.</summary>
    public const string Auto = "auto";

    /// <summary>
    /// An exit sent by a flatten command (<see cref="ITradingDeskGrain.FlattenSymbol"/>): a market order
    /// that only reduces the position. It passes a halted symbol, an open breaker and the position
    /// limit as long as it reduces, so that no stop can trap a position; one that would not reduce is
    /// denied like any other order.
    /// </summary>
    public const string Flatten = "flatten";
}
