namespace AriaPro.Core.Monitoring.Anomaly;

/// <summary>
/// Flags a value further than <c>threshold · 1.4826 · MAD</c> from the median of the previous
/// <c>window</c> values, MAD being their median absolute deviation from that median (1.4826 makes
/// it estimate σ for normal data). Robust: a few spikes move neither the median nor the MAD.
/// </summary>
/// <remarks>
/// <para>
/// MAD is 0 whenever more than half the window is one value, common for discrete metrics. Then
/// the spread falls back to the mean absolute deviation from the median times 1.2533 (also a σ
/// estimate for normal data), and only when that is 0 too (a flat window) to the floor of
/// <see cref="RollingZScoreDetector"/>, so a flat series followed by any real change is anomalous.
/// </para>
/// <para>
/// Anomalous values enter the window, so a lasting level shift becomes normal once it fills half
/// the window. Median and MAD are computed by sorting a preallocated copy: O(w log w), no allocation.
/// </para>
/// </remarks>
public sealed class MadDetector : IAnomalyDetector
{
    /// <summary>MAD times this estimates the standard deviation of normal data.</summary>
    public const double Consistency = 1.4826;

    /// <summary>Mean absolute deviation times this estimates the standard deviation of normal data (√(π/2)).</summary>
    public const double MeanDeviationConsistency = 1.2533;

    private readonly ValueWindow _window;
    private readonly double[] _scratch;
    private readonly double _threshold;
    private readonly int _minSamples;

    /// <summary>Creates a detector.</summary>
    /// <param name="window">Previous values the baseline holds (at least 3).</param>
    /// <param name="threshold">Scaled MADs from the median beyond which a value is anomalous (positive).</param>
    /// <param name="minSamples">Values needed in the window before judging (3 to <paramref name="window"/>).</param>
    public MadDetector(int window, double threshold, int minSamples)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 3);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(threshold, 0);
        ArgumentOutOfRangeException.ThrowIfLessThan(minSamples, 3);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minSamples, window);
        _window = new ValueWindow(window);
        _scratch = new double[window];
        _threshold = threshold;
        _minSamples = minSamples;
    }

    /// <inheritdoc/>
    public string Name => "mad";

    /// <inheritdoc/>
    public AnomalyVerdict Observe(double value)
    {
        var values = _window.Values;
        var median = double.NaN;
        var spread = 0.0;
        if (values.Length > 0)
        {
            var scratch = _scratch.AsSpan(0, values.Length);
            values.CopyTo(scratch);
            scratch.Sort();
            median = Median(scratch);
            var meanDeviation = 0.0;
            for (var i = 0; i < scratch.Length; i++)
            {
                scratch[i] = Math.Abs(scratch[i] - median);
                meanDeviation += scratch[i];
            }

            scratch.Sort();
            spread = Consistency * Median(scratch);
            if (spread == 0)
            {
                spread = MeanDeviationConsistency * meanDeviation / scratch.Length;
            }
        }

        var ready = values.Length >= _minSamples;
        var verdict = AnomalyVerdict.Judge(value, median, _threshold * SigmaFloor.Apply(spread, median), ready);
        if (!double.IsFinite(value))
        {
            return verdict with { IsAnomaly = false };
        }

        _window.Add(value);
        return verdict;
    }

    private static double Median(ReadOnlySpan<double> sorted)
    {
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
