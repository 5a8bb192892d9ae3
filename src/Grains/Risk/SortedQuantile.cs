namespace AriaPro.Grains.Risk;

/// <summary>Quantiles of data that is already sorted ascending.</summary>
public static class SortedQuantile
{
    /// <summary>
    /// The <paramref name="q"/> quantile interpolated linearly between order statistics, as
    /// numpy.percentile's default ("linear", Hyndman-Fan type 7): h = (n - 1) q and
    /// x[floor h] + (h - floor h) (x[floor h + 1] - x[floor h]). NaN for no data or q outside [0, 1].
    /// </summary>
    public static double Linear(ReadOnlySpan<double> sorted, double q)
    {
        if (sorted.IsEmpty || !(q >= 0.0 && q <= 1.0))
        {
            return double.NaN;
        }

        var h = (sorted.Length - 1) * q;
        var lo = (int)Math.Floor(h);
        if (lo >= sorted.Length - 1)
        {
            return sorted[^1];
        }

        return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
    }
}
