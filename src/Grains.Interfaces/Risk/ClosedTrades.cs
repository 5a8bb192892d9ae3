namespace AriaPro.Grains.Interfaces.Risk;

/// <summary>Sufficient statistics of a symbol's closed trades (each fill that reduced a position), PnL in the quote currency.</summary>
[GenerateSerializer, Immutable, Alias("AriaPro.ClosedTrades")]
public sealed record ClosedTrades(
    [property: Id(0)] int Wins,
    [property: Id(1)] int Losses,
    [property: Id(2)] decimal GrossWin,
    [property: Id(3)] decimal GrossLoss)
{
    /// <summary>No closed trades.</summary>
    public static readonly ClosedTrades None = new(0, 0, 0m, 0m);

    /// <summary>This record with one more closed trade of <paramref name="pnl"/>; a flat trade changes nothing.</summary>
    public ClosedTrades Add(decimal pnl) => pnl switch
    {
        > 0m => this with { Wins = Wins + 1, GrossWin = GrossWin + pnl },
        < 0m => this with { Losses = Losses + 1, GrossLoss = GrossLoss - pnl },
        _ => this,
    };
}
