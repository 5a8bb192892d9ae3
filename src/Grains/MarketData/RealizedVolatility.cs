using AriaPro.Grains.Interfaces.MarketData;

namespace AriaPro.Grains.MarketData;

/// <summary>Realized volatility: sample standard deviation of per-bar log returns of closes.</summary>
public static class RealizedVolatility
{
    /// <summary>
    /// Sample (n - 1) standard deviation of the log returns between the last
    /// <paramref name="bars"/> closes (so <paramref name="bars"/> - 1 returns); 0 with fewer than
    /// two returns.
    /// </summary>
    public static double Compute(IReadOnlyList<decimal> closes, int bars)
    {
        ArgumentNullException.ThrowIfNull(closes);
        var take = Math.Min(Math.Max(bars, 0), closes.Count);
        var returns = take - 1;
        if (returns < 2)
        {
            return 0;
        }

        var first = closes.Count - take;
        var values = new double[returns];
        var mean = 0.0;
        for (var i = 0; i < returns; i++)
        {
            values[i] = Math.Log((double)closes[first + i + 1] / (double)closes[first + i]);
            mean += values[i];
        }

        mean /= returns;
        var sumOfSquares = 0.0;
        foreach (var value in values)
        {
            sumOfSquares += (value - mean) * (value - mean);
        }

        return Math.Sqrt(sumOfSquares / (returns - 1));
    }

    /// <summary>
    /// Short- and long-window volatility of <paramref name="closes"/>. The ratio is short / long,
    /// or 1 when the long window is not yet full or its volatility is 0, so a cold start never
    /// looks like a volatility spike.
    /// </summary>
    public static VolatilitySnapshot Snapshot(IReadOnlyList<decimal> closes, int shortBars, int longBars)
    {
        ArgumentNullException.ThrowIfNull(closes);
        var shortWindow = Compute(closes, shortBars);
        var longWindow = Compute(closes, longBars);
        var enoughData = longBars > 0 && closes.Count >= longBars && closes.Count >= shortBars;
        var ratio = enoughData && longWindow > 0 ? shortWindow / longWindow : 1.0;
        return new VolatilitySnapshot(shortWindow, longWindow, ratio, Math.Min(closes.Count, Math.Max(longBars, 0)));
    }
}
