namespace AriaPro.Grains.Risk;

/// <summary>Continuous and discrete Kelly fractions.</summary>
public static partial class RiskMetrics
{
    /// <summary>
    /// Continuous Kelly fraction mean(r) / var(r, ddof = 1), unclamped; NaN with fewer than 2 returns,
    /// zero variance, or a mean or variance that overflows. Clamp it with <see cref="ClampKelly"/> before sizing a position.
    /// </summary>
    public static double Kelly(ReadOnlySpan<double> r) => Kelly(ReturnMoments.Of(r));

    /// <summary>
    /// <paramref name="kelly"/> limited to [0, <paramref name="max"/>]; 0 for NaN, a negative fraction
    /// or a cap that is NaN or negative (never bet on an undefined or losing edge).
    /// </summary>
    public static double ClampKelly(double kelly, double max)
    {
        if (!(kelly > 0.0) || !(max > 0.0))
        {
            return 0.0;
        }

        return kelly > max ? max : kelly;
    }

    /// <summary>
    /// Discrete Kelly p - (1 - p) / b with p = wins / (wins + losses) and b = averageWin / averageLoss
    /// (the magnitude of <paramref name="averageLoss"/> is used). 1 with wins and no losses; NaN with
    /// no trades, negative counts, or b undefined (not finite or not positive).
    /// </summary>
    public static double DiscreteKelly(int wins, int losses, double averageWin, double averageLoss)
    {
        if (wins < 0 || losses < 0 || (long)wins + losses == 0)
        {
            return double.NaN;
        }

        if (losses == 0)
        {
            return 1.0;
        }

        var b = averageWin / Math.Abs(averageLoss);
        if (!double.IsFinite(b) || !(b > 0.0))
        {
            return double.NaN;
        }

        var p = (double)wins / ((long)wins + losses);
        return p - (1.0 - p) / b;
    }

    // An overflowed variance would make the fraction a meaningless 0 (bet nothing, as if no edge), not a figure.
    private static double Kelly(in ReturnMoments m) =>
        m.Count < 2 || m.IsFlat || !m.IsFinite ? double.NaN : m.Mean / m.SampleVariance;
}
