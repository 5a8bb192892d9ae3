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
    /// CVaR (expected shortfall): minus the mean of the returns at or below the (1 - c) quantile
    /// (computed as for <see cref="HistoricalVar"/>); NaN for no returns or a confidence outside (0, 1).
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
        var cutoff = SortedQuantile.Linear(sorted, 1.0 - confidence);
        if (double.IsNaN(cutoff))
        {
            return double.NaN;
        }

        // The cutoff is never below the smallest return, so the tail holds at least one return.
        double sum = 0.0;
        var count = 0;
        while (count < sorted.Length && sorted[count] <= cutoff)
        {
            sum += sorted[count++];
        }

        return -(sum / count);
    }

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
