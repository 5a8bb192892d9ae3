using AriaPro.Grains.Interfaces.Risk;

namespace AriaPro.Grains.Risk;

/// <summary>
/// Chooses the Kelly fraction for a symbol: the discrete p - (1 - p) / b of its own closed trades
/// once there are <see cref="MinClosedTrades"/> of them; before that the portfolio's continuous
/// mean / variance (of its daily or intraday equity returns, as the caller names it); with neither,
/// half the cap, so that a fresh install trades small rather than not at all. The result is clamped
/// to [0, cap] and turned into lots at the current equity.
/// </summary>
public static class KellySizer
{
    /// <summary>Closed trades a symbol needs before its own win rate and payoff are trusted.</summary>
    public const int MinClosedTrades = 20;

    /// <param name="trades">The symbol's closed trades.</param>
    /// <param name="continuous">The continuous Kelly fraction and where it came from; NaN when there is none.</param>
    /// <param name="cap">RISK_KELLY_MAX_SIZE.</param>
    /// <param name="equity">Equity now, in the account currency.</param>
    /// <param name="notionalPerLot">One lot's notional in the account currency.</param>
    public static KellySizing Size(ClosedTrades trades, (double Value, string Source) continuous, double cap, decimal equity, decimal notionalPerLot)
    {
        var count = trades.Wins + trades.Losses;
        double? discrete = count == 0
            ? null
            : Finite(RiskMetrics.DiscreteKelly(trades.Wins, trades.Losses,
                trades.Wins == 0 ? 0.0 : (double)(trades.GrossWin / trades.Wins),
                trades.Losses == 0 ? 0.0 : (double)(trades.GrossLoss / trades.Losses)));
        var (raw, source) = discrete is { } d && count >= MinClosedTrades
            ? (d, $"discrete: {count} closed trades")
            : double.IsFinite(continuous.Value)
                ? continuous
                : (cap / 2.0, "prior: half the cap until there is a history");
        var fraction = RiskMetrics.ClampKelly(raw, cap);
        var lots = notionalPerLot <= 0m ? 0m : Math.Floor(equity * (decimal)fraction / notionalPerLot * 100m) / 100m;
        return new(trades.Wins, trades.Losses, discrete, fraction, source, lots);
    }

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;
}
