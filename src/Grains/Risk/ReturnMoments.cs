namespace AriaPro.Grains.Risk;

/// <summary>
/// Mean and central moment sums of a return series, taken in two passes (the mean first, then the
/// deviations from it) because the one-pass textbook formula loses most digits on daily returns,
/// whose mean is tiny next to their spread.
/// </summary>
public readonly struct ReturnMoments
{
    private readonly double _sum2;
    private readonly double _sum3;
    private readonly double _sum4;

    private ReturnMoments(int count, double mean, double sum2, double sum3, double sum4)
    {
        Count = count;
        Mean = mean;
        _sum2 = sum2;
        _sum3 = sum3;
        _sum4 = sum4;
    }

    /// <summary>Number of returns.</summary>
    public int Count { get; }

    /// <summary>Arithmetic mean; NaN for no returns.</summary>
    public double Mean { get; }

    /// <summary>True when every return is the same value (exactly zero deviation).</summary>
    public bool IsFlat => Count > 0 && _sum2 == 0.0;

    /// <summary>True when the mean and the squared deviations are finite (returns near 1e300 overflow them).</summary>
    public bool IsFinite => double.IsFinite(Mean) && double.IsFinite(_sum2);

    /// <summary>Sample variance (ddof = 1); NaN with fewer than 2 returns.</summary>
    public double SampleVariance => Count < 2 ? double.NaN : _sum2 / (Count - 1);

    /// <summary>Sample standard deviation (ddof = 1); NaN with fewer than 2 returns.</summary>
    public double SampleStandardDeviation => Math.Sqrt(SampleVariance);

    /// <summary>Population skewness m3 / m2^1.5 (no small-sample correction); NaN when flat or empty.</summary>
    public double Skewness
    {
        get
        {
            if (Count == 0 || _sum2 == 0.0)
            {
                return double.NaN;
            }

            var m2 = _sum2 / Count;
            return _sum3 / Count / (m2 * Math.Sqrt(m2));
        }
    }

    /// <summary>Population excess kurtosis m4 / m2^2 - 3 (no small-sample correction); NaN when flat or empty.</summary>
    public double ExcessKurtosis
    {
        get
        {
            if (Count == 0 || _sum2 == 0.0)
            {
                return double.NaN;
            }

            var m2 = _sum2 / Count;
            return _sum4 / Count / (m2 * m2) - 3.0;
        }
    }

    /// <summary>Moments of <paramref name="returns"/>.</summary>
    public static ReturnMoments Of(ReadOnlySpan<double> returns)
    {
        var n = returns.Length;
        if (n == 0)
        {
            return new ReturnMoments(0, double.NaN, 0.0, 0.0, 0.0);
        }

        double sum = 0.0, min = returns[0], max = returns[0];
        foreach (var r in returns)
        {
            sum += r;
            min = Math.Min(min, r);
            max = Math.Max(max, r);
        }

        // A constant series must have exactly zero deviation; the rounded mean of n equal values
        // can differ from them in the last bit and would otherwise leave a spurious 1e-18 spread.
        if (min == max)
        {
            return new ReturnMoments(n, min, 0.0, 0.0, 0.0);
        }

        var mean = sum / n;
        double sum2 = 0.0, sum3 = 0.0, sum4 = 0.0;
        foreach (var r in returns)
        {
            var d = r - mean;
            var d2 = d * d;
            sum2 += d2;
            sum3 += d2 * d;
            sum4 += d2 * d2;
        }

        return new ReturnMoments(n, mean, sum2, sum3, sum4);
    }
}
