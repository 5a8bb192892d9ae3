using AriaPro.Grains.Interfaces.MarketData;

namespace AriaPro.Models.Tests;

/// <summary>A seeded random walk of daily bars, with a flat stretch that drives features to NaN.</summary>
public static class SyntheticBars
{
    /// <summary><paramref name="count"/> bars from a fixed seed; bars 200..269 are flat when the series is long enough.</summary>
    public static IReadOnlyList<Bar> Create(int count, int seed = 7)
    {
        var random = new Random(seed);
        var bars = new List<Bar>(count);
        var close = 1.2000m;
        var start = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < count; i++)
        {
            var time = start.AddDays(i);
            if (i is >= 200 and < 270)
            {
                // A market with no movement: the ATR ratio becomes 0/0, imputed before inference.
                bars.Add(new Bar(time, close, close, close, close, 0m));
                continue;
            }

            var open = close;
            close = Math.Round(open * (1m + (decimal)((random.NextDouble() - 0.5) * 0.02)), 5);
            var high = Math.Max(open, close) + Math.Round((decimal)random.NextDouble() * 0.004m, 5);
            var low = Math.Min(open, close) - Math.Round((decimal)random.NextDouble() * 0.004m, 5);
            bars.Add(new Bar(time, open, high, low, close, 1000m));
        }

        return bars;
    }
}
