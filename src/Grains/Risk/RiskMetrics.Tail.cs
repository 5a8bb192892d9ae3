using System.Buffers;

namespace AriaPro.Grains.Risk;

/// <summary>Historical, conditional, Gaussian and Cornish-Fisher value at risk.</summary>
public static partial class RiskMetrics
{
    /// <summary>
    /// Historical VaR: minus the (1 - c) quantile of the returns (numpy's linear interpolation), a
    /// positive loss fraction (negative when even that quantile is a gain); NaN for no returns or a
    /// confidence outside (0, 1).
    /// </summary>
    public static double HistoricalVar(ReadOnlySpan<double> r, double confidence) => OnSortedCopy(r, confidence, HistoricalVarSorted);

    /// <summary>
    /// CVaR (expected shortfall): minus the mean of the k = floor((n - 1)(1 - c)) + 1 lowest returns,
    /// the order statistics up to the one the (1 - c) quantile of <see cref="HistoricalVar"/> starts
    /// from. Exactly k returns, whether or not others tie with the k-th: counting every return equal
    /// to the cutoff would let a mostly flat book dilute its tail. NaN for no returns or a confidence
    /// outside (0, 1).
    /// </summary>
    public static double HistoricalCvar(ReadOnlySpan<double> r, double confidence) => OnSortedCopy(r, confidence, HistoricalCvarSorted);

    private delegate double SortedMetric(ReadOnlySpan<double> sorted, double confidence);

    // Sorts a copy in a stack buffer (a pooled array for long series) and applies a quantile metric.
    private static double OnSortedCopy(ReadOnlySpan<double> r, double confidence, SortedMetric metric)
    {
        if (r.IsEmpty || !IsConfidence(confidence))
        {
            return double.NaN;
        }

        double[]? rented = null;
        var sorted = r.Length <= StackLimit ? stackalloc double[r.Length] : (rented = ArrayPool<double>.Shared.Rent(r.Length)).AsSpan(0, r.Length);
        try
        {
            r.CopyTo(sorted);
            sorted.Sort();
            return metric(sorted, confidence);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<double>.Shared.Return(rented);
            }
        }
    }

    /// <summary>
    /// Gaussian VaR -(mean + z(1 - c) * std(ddof = 1)); NaN with fewer than 2 returns or a confidence
    /// outside (0, 1).
    /// </summary>
    public static double ParametricVar(ReadOnlySpan<double> r, double confidence) =>
        IsConfidence(confidence) ? ParametricVar(ReturnMoments.Of(r), StandardNormalQuantile(1.0 - confidence)) : double.NaN;

    /// <summary>
    /// Modified (Cornish-Fisher) VaR -(mean + z_cf * std(ddof = 1)), z_cf = z + (z^2 - 1) S / 6 +
    /// (z^3 - 3z) K / 24 - (2z^3 - 5z) S^2 / 36; NaN with fewer than 2 returns, zero deviation or a
    /// confidence outside (0, 1).
    /// </summary>
    public static double CornishFisherVar(ReadOnlySpan<double> r, double confidence) =>
        IsConfidence(confidence) ? CornishFisherVar(ReturnMoments.Of(r), StandardNormalQuantile(1.0 - confidence)) : double.NaN;

    private static double HistoricalVarSorted(ReadOnlySpan<double> sorted, double confidence) =>
        -SortedQuantile.Linear(sorted, 1.0 - confidence);

    private static double HistoricalCvarSorted(ReadOnlySpan<double> sorted, double confidence)
    {
        if (sorted.IsEmpty || !IsConfidence(confidence))
        {
            return double.NaN;
        }

        var count = TailCount(sorted.Length, confidence);
        double sum = 0.0;
        for (var i = 0; i < count; i++)
        {
            sum += sorted[i];
        }

        return -(sum / count);
    }

    /// <summary>How many of <paramref name="n"/> sorted returns make the tail at <paramref name="confidence"/>: floor((n - 1)(1 - c)) + 1.</summary>
    internal static int TailCount(int n, double confidence) => Math.Min(n, (int)Math.Floor((n - 1) * (1.0 - confidence)) + 1);

    private static double ParametricVar(in ReturnMoments m, double z) =>
        m.Count < 2 ? double.NaN : -(m.Mean + z * m.SampleStandardDeviation);

    private static double CornishFisherVar(in ReturnMoments m, double z)
    {
        if (m.Count < 2 || m.IsFlat)
        {
            return double.NaN;
        }

        // Estimator choice: S and K are the plain population-moment ratios m3 / m2^1.5 and
        // m4 / m2^2 - 3 (scipy's skew/kurtosis with bias=True, as PerformanceAnalytics' modified VaR
        // uses), while the scale is the sample deviation (ddof = 1) like the Gaussian VaR, so that
        // with S = K = 0 both VaRs agree exactly.
        var s = m.Skewness;
        var k = m.ExcessKurtosis;
        var z2 = z * z;
        var z3 = z2 * z;
        var zcf = z + (z2 - 1.0) * s / 6.0 + (z3 - 3.0 * z) * k / 24.0 - (2.0 * z3 - 5.0 * z) * s * s / 36.0;
        return -(m.Mean + zcf * m.SampleStandardDeviation);
    }
}
