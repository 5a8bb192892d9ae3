using AriaPro.Grains.Interfaces.MarketData;

namespace AriaPro.Grains.Signals;

/// <summary>
/// The built-in signal: the sum of the last <see cref="Lookback"/> log returns divided by its
/// expected spread under a random walk (a z-score), squashed to -1..1 with tanh. Positive means
/// the price has been rising faster than noise explains.
/// </summary>
public static class MomentumModel
{
    /// <summary>Returns summed for the momentum.</summary>
    public const int Lookback = 20;

    /// <summary>Returns used to estimate the noise level.</summary>
    public const int NoiseWindow = 200;

    /// <summary>Bars needed for a score.</summary>
    public const int BarsNeeded = NoiseWindow + 1;

    /// <summary>Score in -1..1; 0 when there are too few bars or no movement at all.</summary>
    public static double Score(IReadOnlyList<Bar> bars)
    {
        if (bars.Count < Lookback + 2)
        {
            return 0.0;
        }

        var returns = new double[bars.Count - 1];
        for (var i = 1; i < bars.Count; i++)
        {
            returns[i - 1] = Math.Log((double)bars[i].Close / (double)bars[i - 1].Close);
        }

        var mean = returns.Average();
        var variance = returns.Sum(r => (r - mean) * (r - mean)) / (returns.Length - 1);
        if (variance <= 0.0)
        {
            return 0.0;
        }

        var momentum = returns.TakeLast(Lookback).Sum();
        var z = momentum / (Math.Sqrt(variance) * Math.Sqrt(Lookback));
        return Math.Tanh(z / 2.0);
    }

    /// <summary>The position the score asks for: full size long or short beyond the threshold, flat inside it.</summary>
    public static decimal TargetPosition(double score, decimal lots, double threshold = 0.25) =>
        score > threshold ? lots : score < -threshold ? -lots : 0m;
}
