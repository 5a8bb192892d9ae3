using AriaPro.Grains.Interfaces.MarketData;

namespace AriaPro.Grains.Signals.Features;

/// <summary>Technical indicators of the latest bar; NaN when there are too few bars.</summary>
public static class Indicators
{
    /// <summary>Simple return over <paramref name="lag"/> bars.</summary>
    public static double Return(double[] closes, int lag) =>
        closes.Length > lag ? closes[^1] / closes[^(lag + 1)] - 1.0 : double.NaN;

    /// <summary>Mean of the last <paramref name="period"/> closes.</summary>
    public static double MovingAverage(double[] closes, int period)
    {
        if (closes.Length < period)
        {
            return double.NaN;
        }

        var sum = 0.0;
        for (var i = closes.Length - period; i < closes.Length; i++)
        {
            sum += closes[i];
        }

        return sum / period;
    }

    /// <summary>Relative strength index over <paramref name="period"/> changes (simple averages), 0..100.</summary>
    public static double Rsi(double[] closes, int period)
    {
        if (closes.Length <= period)
        {
            return double.NaN;
        }

        double gains = 0.0, losses = 0.0;
        for (var i = closes.Length - period; i < closes.Length; i++)
        {
            var change = closes[i] - closes[i - 1];
            if (change > 0)
            {
                gains += change;
            }
            else
            {
                losses -= change;
            }
        }

        return gains + losses == 0.0 ? 50.0 : 100.0 * gains / (gains + losses);
    }

    /// <summary>(close - mean) / population deviation over the last <paramref name="period"/> closes; 0 when flat.</summary>
    public static double BollingerZ(double[] closes, int period)
    {
        var mean = MovingAverage(closes, period);
        if (double.IsNaN(mean))
        {
            return double.NaN;
        }

        var sum = 0.0;
        for (var i = closes.Length - period; i < closes.Length; i++)
        {
            sum += (closes[i] - mean) * (closes[i] - mean);
        }

        var deviation = Math.Sqrt(sum / period);
        return deviation == 0.0 ? 0.0 : (closes[^1] - mean) / deviation;
    }

    /// <summary>Average true range over the last <paramref name="period"/> bars.</summary>
    public static double Atr(IReadOnlyList<Bar> bars, int period)
    {
        if (bars.Count <= period)
        {
            return double.NaN;
        }

        var sum = 0.0;
        for (var i = bars.Count - period; i < bars.Count; i++)
        {
            var previousClose = (double)bars[i - 1].Close;
            var high = (double)bars[i].High;
            var low = (double)bars[i].Low;
            sum += Math.Max(high - low, Math.Max(Math.Abs(high - previousClose), Math.Abs(low - previousClose)));
        }

        return sum / period;
    }

    /// <summary>Where the close sits in the high-low channel of the previous <paramref name="period"/> bars: 0 at the low, 1 at the high; beyond them outside.</summary>
    public static double ChannelPosition(IReadOnlyList<Bar> bars, int period)
    {
        if (bars.Count <= period)
        {
            return double.NaN;
        }

        var high = double.MinValue;
        var low = double.MaxValue;
        for (var i = bars.Count - period - 1; i < bars.Count - 1; i++)
        {
            high = Math.Max(high, (double)bars[i].High);
            low = Math.Min(low, (double)bars[i].Low);
        }

        return high == low ? 0.5 : ((double)bars[^1].Close - low) / (high - low);
    }
}
